import { GitHubError } from '../../src/github/errors.js';
import { findHunk, parsePatch } from '../../src/review/patch.js';
import type {
  ChangedFileCount,
  CommitStatus,
  FileContent,
  GitHubPort,
  IssueComment,
  NewReviewComment,
  PullFile,
  PullRequestInfo,
  ReviewSummary,
  ReviewThread,
  ThreadComment,
} from '../../src/github/port.js';

/** Seeded items may say whether the token's user wrote them; by default the fake tells by login. */
type Seed<T extends { mine: boolean }> = Omit<T, 'mine'> & { mine?: boolean };
export type SeedThread = Omit<ReviewThread, 'comments'> & { comments: Seed<ThreadComment>[] };

/** A review the fake recorded. */
export interface FakeReview {
  commitId: string;
  body: string;
  comments: NewReviewComment[];
}

/** What the fake starts with. */
export interface FakeGitHubSetup {
  pull?: PullRequestInfo;
  files?: PullFile[];
  /** Files per ref (sha or branch): path -> text, bytes, or `{ size }` for a file too large to return. */
  trees?: Record<string, Record<string, string | Uint8Array | { size: number }>>;
  /** The token's user as GraphQL `viewer` tells it; null when GitHub would not say (GitHub App tokens). */
  viewer?: string | null;
  /** The login the token writes as (default: the viewer, else github-actions[bot]); `viewerDidAuthor` follows it. */
  login?: string;
  /** Every write answers 403, as with a fork's read-only token. */
  readOnly?: boolean;
  threads?: SeedThread[];
  issueComments?: Seed<IssueComment>[];
  reviews?: Seed<ReviewSummary>[];
}

const BOT = 'github-actions[bot]';

/** Logins compare equal with or without the `[bot]` suffix (GraphQL leaves it out of a bot's comment author). */
function sameLogin(a: string | null, b: string): boolean {
  if (!a) return false;
  const norm = (x: string) => x.toLowerCase().replace(/\[bot\]$/, '');
  return norm(a) === norm(b);
}

/**
 * An in-memory {@link GitHubPort} for unit tests. Like GitHub it rejects a whole review when one comment is
 * off the diff (422), answers 403 to writes with a read-only token, and records every call.
 */
export class FakeGitHub implements GitHubPort {
  pull: PullRequestInfo;
  files: PullFile[];
  trees: NonNullable<FakeGitHubSetup['trees']>;
  viewer: string | null;
  login: string | null;
  readOnly: boolean;
  threads: SeedThread[];
  issueComments: Seed<IssueComment>[];
  reviews: (Seed<ReviewSummary> & Partial<FakeReview>)[];
  statuses: (CommitStatus & { sha: string })[] = [];
  /** How many files GitHub counts as changed; null: as many as `files` lists (set it apart to break the list). */
  changedFiles: number | null = null;
  /** Every call, in order, e.g. `getFile reports/README.md@abc`. */
  calls: string[] = [];
  /** The calls by sequential round trip: each wave holds the names of the calls that overlapped. */
  waves: string[][] = [];
  private inFlight = 0;
  /** Calls whose name is listed here throw this error (once each), having done nothing. */
  failures = new Map<string, GitHubError>();
  /** Writes whose name is listed here are carried out, then throw this error (once each): the answer was lost. */
  lostAnswers = new Map<string, GitHubError>();
  private nextId = 1000;

  constructor(setup: FakeGitHubSetup = {}) {
    this.pull = setup.pull ?? {
      number: 7,
      headSha: 'head0000',
      baseSha: 'base0000',
      baseRef: 'main',
      state: 'OPEN',
    };
    this.files = setup.files ?? [];
    this.trees = setup.trees ?? {};
    this.viewer = setup.viewer === undefined ? BOT : setup.viewer;
    this.login = setup.login ?? null;
    this.readOnly = setup.readOnly ?? false;
    this.threads = setup.threads ?? [];
    this.issueComments = setup.issueComments ?? [];
    this.reviews = setup.reviews ?? [];
  }

  /** The login the fake writes as. */
  get author(): string {
    return this.login ?? this.viewer ?? BOT;
  }

  /** Whether the token's user wrote an item: as seeded, else by login (as GraphQL `viewerDidAuthor` tells). */
  private mine(item: { author: string | null; mine?: boolean }): boolean {
    return item.mine ?? sameLogin(item.author, this.author);
  }

  /**
   * One request: it is answered on a later turn of the event loop, as over a network, so that calls made side by
   * side overlap. A call made while none is unanswered opens a new wave (a sequential round trip), as fakegh counts.
   */
  private async record(name: string, detail: string): Promise<void> {
    this.calls.push(`${name} ${detail}`.trim());
    if (this.inFlight === 0) this.waves.push([]);
    this.waves.at(-1)?.push(name);
    this.inFlight += 1;
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight -= 1;
    const failure = this.failures.get(name);
    if (failure) {
      this.failures.delete(name);
      throw failure;
    }
  }

  private write(operation: string): void {
    if (this.readOnly)
      throw new GitHubError(operation, 'forbidden', 403, 'Resource not accessible by integration');
  }

  /** After a write was carried out: throws when its answer is to be lost. */
  private answer(name: string): void {
    const lost = this.lostAnswers.get(name);
    if (lost) {
      this.lostAnswers.delete(name);
      throw lost;
    }
  }

  async getPullRequest(number: number) {
    await this.record('getPullRequest', `#${number}`);
    if (number !== this.pull.number)
      throw new GitHubError('read pull request', 'not-found', 404, 'Not Found');
    return {
      pull: { ...this.pull },
      threads: this.threads.map((t) => ({
        ...structuredClone(t),
        comments: t.comments.map((c) => ({ author: c.author, body: c.body, mine: this.mine(c) })),
      })),
      issueComments: this.issueComments.map((c) => ({
        id: c.id,
        author: c.author,
        body: c.body,
        mine: this.mine(c),
      })),
      reviews: this.reviews.map((r) => ({ author: r.author, body: r.body, mine: this.mine(r) })),
    };
  }

  async listPullFiles(number: number): Promise<PullFile[]> {
    await this.record('listPullFiles', `#${number}`);
    return structuredClone(this.files);
  }

  async countChangedFiles(number: number): Promise<ChangedFileCount> {
    await this.record('countChangedFiles', `#${number}`);
    return { headSha: this.pull.headSha, changedFiles: this.changedFiles ?? this.files.length };
  }

  async getFile(path: string, ref: string): Promise<FileContent | null> {
    await this.record('getFile', `${path}@${ref}`);
    const entry = this.trees[ref]?.[path];
    if (entry === undefined) return null;
    if (typeof entry === 'string') {
      const content = new TextEncoder().encode(entry);
      return { path, size: content.length, content };
    }
    if (entry instanceof Uint8Array) return { path, size: entry.length, content: entry };
    return { path, size: entry.size, content: null };
  }

  async listRepoFiles(ref: string): Promise<string[] | null> {
    await this.record('listRepoFiles', ref);
    const tree = this.trees[ref];
    if (!tree) throw new GitHubError(`list the files at ${ref}`, 'not-found', 404, 'Not Found');
    return Object.keys(tree);
  }

  async createReview(number: number, review: FakeReview): Promise<void> {
    await this.record('createReview', `#${number}`);
    this.write('post a review');
    for (const c of review.comments) {
      const hunks = parsePatch(this.files.find((f) => f.path === c.path)?.patch);
      const end = findHunk(hunks, c.line);
      const start = c.startLine === null ? end : findHunk(hunks, c.startLine);
      if (!end || !start || start !== end) {
        throw new GitHubError(
          'post a review',
          'invalid',
          422,
          'Pull request review thread line must be part of the diff',
        );
      }
    }
    this.reviews.push({ author: this.author, ...structuredClone(review) });
    for (const c of review.comments) {
      this.threads.push({
        id: `T${this.nextId++}`,
        isResolved: false,
        isOutdated: false,
        path: c.path,
        comments: [{ author: this.author, body: c.body }],
        commentCount: 1,
      });
    }
    this.answer('createReview');
  }

  async createIssueComment(number: number, body: string): Promise<void> {
    await this.record('createIssueComment', `#${number}`);
    this.write('comment');
    this.issueComments.push({ id: this.nextId++, author: this.author, body });
    this.answer('createIssueComment');
  }

  async updateIssueComment(id: number, body: string): Promise<void> {
    await this.record('updateIssueComment', `${id}`);
    this.write('update a comment');
    const comment = this.issueComments.find((c) => c.id === id);
    if (!comment) throw new GitHubError('update a comment', 'not-found', 404, 'Not Found');
    comment.body = body;
    this.answer('updateIssueComment');
  }

  async deleteIssueComment(id: number): Promise<void> {
    await this.record('deleteIssueComment', `${id}`);
    this.write('delete a comment');
    this.issueComments = this.issueComments.filter((c) => c.id !== id);
    this.answer('deleteIssueComment');
  }

  async resolveReviewThreads(threadIds: readonly string[]): Promise<void> {
    await this.record('resolveReviewThreads', threadIds.join(','));
    this.write('resolve threads');
    for (const id of threadIds) {
      const thread = this.threads.find((t) => t.id === id);
      if (!thread) throw new GitHubError('resolve threads', 'not-found', 200, `Could not resolve ${id}`);
      thread.isResolved = true;
    }
    this.answer('resolveReviewThreads');
  }

  async createCommitStatus(sha: string, status: CommitStatus): Promise<void> {
    await this.record('createCommitStatus', sha);
    this.write('set a commit status');
    this.statuses.push({ sha, ...status });
    this.answer('createCommitStatus');
  }
}
