import { defaults, getOctokitOptions, GitHub } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { GitHubError, type GitHubFailure } from './errors.js';
import type {
  CommitStatus,
  FileContent,
  GitHubPort,
  IssueComment,
  NewReviewComment,
  PullFile,
  PullRequestState,
  ReviewSummary,
  ReviewThread,
} from './port.js';
import { sameLogin } from './port.js';
import { MAX_REPORT_BYTES } from '../parse/decode.js';

/** Larger files are not fetched: the engine refuses a report over this anyway (and the contents API inlines bytes only up to 1 MB). */
export const MAX_FILE_BYTES = MAX_REPORT_BYTES;
/** GitHub's cap on a commit status description ("description is too long (maximum is 140 characters)"). */
const MAX_STATUS_DESCRIPTION = 140;
/** Give up on a rate limit that would make the job wait longer than this (seconds). */
const MAX_RATE_LIMIT_WAIT_S = 120;
/** Retries after a rate limit before giving up (the throttling plugin asks after each one). */
const MAX_RATE_LIMIT_RETRIES = 3;

/** How to reach GitHub. */
export interface OctokitPortOptions {
  token: string;
  owner: string;
  repo: string;
  /** REST API root, e.g. `https://api.github.com` (GITHUB_API_URL); GraphQL is found from it. */
  baseUrl: string;
  /** Told when a request is retried after a rate limit. */
  onWarning?: (message: string) => void;
  /** Milliseconds per second of `retry-after` and of the retry plugin's back-off (1000; smaller in tests). */
  retryBaseMs?: number;
}

/**
 * The throttling plugin runs GraphQL and every write through one queue 1 s apart, and writes that notify people
 * (reviews, comments) through another 3 s apart. GitHub asks for that spacing when a client makes *many* writes;
 * a run makes at most four, each of a different kind, so the queues would only add sequential round trips (and
 * seconds) to every run. This group lets them run side by side; a secondary rate limit, should one come, is still
 * caught and retried after `retry-after` by the plugin's retry limiter.
 */
const sideBySideWrites = {
  key: () => ({
    schedule: <T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]) =>
      task(...args),
  }),
} as unknown as ThrottlingOptions['write'];

const RetryingGitHub = GitHub.plugin(retry, throttling);
type Client = InstanceType<typeof RetryingGitHub>;

// viewerDidAuthor tells our comments apart even when `viewer` is refused (GitHub App and Actions tokens).
const THREADS = `pageInfo { hasNextPage endCursor }
  nodes { id isResolved isOutdated path comments(first: 10) { totalCount nodes { author { login } body viewerDidAuthor } } }`;
// fullDatabaseId: comment ids have outgrown GraphQL's 32-bit Int `databaseId`.
const COMMENTS =
  'pageInfo { hasNextPage endCursor } nodes { fullDatabaseId author { login } body viewerDidAuthor }';
// Reviews are matched by login: GitHub has PullRequestReview.viewerDidAuthor, but fakegh (the acceptance harness)
// does not implement it, and asking for it there would null the whole answer.
const REVIEWS = 'pageInfo { hasNextPage endCursor } nodes { author { login } body }';

/** The fallback when neither `viewer` nor any comment of ours names us: the token Actions gives a workflow. */
const ACTIONS_BOT = 'github-actions[bot]';

const PULL_QUERY = (
  withViewer: boolean,
) => `query reportCheckPull($owner: String!, $repo: String!, $number: Int!) {
  ${withViewer ? 'viewer { login }' : ''}
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      number headRefOid baseRefOid baseRefName state
      reviewThreads(first: 100) { ${THREADS} }
      comments(first: 100) { ${COMMENTS} }
      reviews(first: 100) { ${REVIEWS} }
    }
  }
}`;

const PAGE_QUERY = (
  field: string,
  selection: string,
) => `query reportCheckPage($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) { pullRequest(number: $number) { ${field}(first: 100, after: $after) { ${selection} } } }
}`;

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface Author {
  author: { login: string } | null;
  body: string;
}
interface Authored extends Author {
  viewerDidAuthor: boolean;
}
interface ThreadNode {
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  path: string;
  comments: { totalCount: number; nodes: Authored[] };
}
interface CommentNode extends Authored {
  /** A BigInt, sent as a string. */
  fullDatabaseId: string | number;
}
interface PullNode {
  number: number;
  headRefOid: string;
  baseRefOid: string;
  baseRefName: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  reviewThreads: Page<ThreadNode>;
  comments: Page<CommentNode>;
  reviews: Page<Author>;
}
interface PullQuery {
  viewer?: { login: string } | null;
  repository: { pullRequest: PullNode } | null;
}

interface GraphqlErrorLike {
  errors?: { type?: string; message: string; path?: (string | number)[] }[];
}

/** Maps anything a request threw to a {@link GitHubError} naming the operation. */
export function toGitHubError(operation: string, error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  const e = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined>; data?: { message?: string } };
  } & GraphqlErrorLike;
  if (Array.isArray(e?.errors) && e.status === undefined) {
    const first = e.errors[0];
    const type = first?.type ?? '';
    const kind: GitHubFailure =
      type === 'FORBIDDEN'
        ? 'forbidden'
        : type === 'NOT_FOUND'
          ? 'not-found'
          : type === 'RATE_LIMITED'
            ? 'rate-limited'
            : 'invalid';
    return new GitHubError(operation, kind, 200, first?.message ?? 'GraphQL error', { cause: error });
  }
  const status = typeof e?.status === 'number' ? e.status : 0;
  const detail = e?.response?.data?.message ?? e?.message ?? String(error);
  const headers = e?.response?.headers ?? {};
  let kind: GitHubFailure;
  if (
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(detail)))
  ) {
    kind = 'rate-limited';
  } else if (status === 403) kind = 'forbidden';
  else if (status === 401) kind = 'unauthorized';
  else if (status === 404) kind = 'not-found';
  else if (status === 0 || status >= 500) kind = 'unavailable';
  else kind = 'invalid';
  return new GitHubError(operation, kind, status, detail, { cause: error });
}

async function attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toGitHubError(operation, error);
  }
}

/** Creates the real {@link GitHubPort}: Octokit with the retry (5xx) and throttling (rate limits) plugins. */
export function createOctokitPort(options: OctokitPortOptions): GitHubPort {
  const { owner, repo } = options;
  const base = options.retryBaseMs ?? 1000;
  const warn = options.onWarning ?? (() => undefined);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const again = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_S;
      warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`,
      );
      return again;
    };
  const octokit: Client = new RetryingGitHub(
    getOctokitOptions(options.token, {
      baseUrl: options.baseUrl,
      userAgent: 'report-check',
      request: { ...defaults.request },
      // 429 is left to the throttling plugin, which honours retry-after; retrying it here too would double the wait.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: base },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        retryAfterBaseValue: base,
        write: sideBySideWrites,
        notifications: sideBySideWrites,
      },
    }),
  );

  async function pullQuery(number: number): Promise<PullQuery> {
    const variables = { owner, repo, number };
    try {
      return await octokit.graphql<PullQuery>(PULL_QUERY(true), variables);
    } catch (error) {
      // `viewer` is non-null: if GitHub would not say who the token is, the whole answer is null. Ask without it.
      const errors = (error as GraphqlErrorLike).errors;
      if (Array.isArray(errors) && errors.length > 0 && errors.every((x) => x.path?.[0] === 'viewer')) {
        return octokit.graphql<PullQuery>(PULL_QUERY(false), variables);
      }
      throw error;
    }
  }

  async function allPages<T>(page: Page<T>, field: string, selection: string, number: number): Promise<T[]> {
    const nodes = [...page.nodes];
    let info = page.pageInfo;
    while (info.hasNextPage) {
      const next: { repository: { pullRequest: Record<string, Page<T>> } } = await octokit.graphql(
        PAGE_QUERY(field, selection),
        { owner, repo, number, after: info.endCursor },
      );
      const more = next.repository.pullRequest[field];
      if (!more) break;
      nodes.push(...more.nodes);
      info = more.pageInfo;
    }
    return nodes;
  }

  const login = (a: Author) => a.author?.login ?? null;

  return {
    getPullRequest: (number) =>
      attempt(`read pull request #${number}`, async (): Promise<PullRequestState> => {
        const data = await pullQuery(number);
        const pr = data.repository?.pullRequest;
        if (!pr)
          throw new GitHubError(`read pull request #${number}`, 'not-found', 404, 'no such pull request');
        const [threadNodes, commentNodes, reviewNodes] = await Promise.all([
          allPages(pr.reviewThreads, 'reviewThreads', THREADS, number),
          allPages(pr.comments, 'comments', COMMENTS, number),
          allPages(pr.reviews, 'reviews', REVIEWS, number),
        ]);
        const threads: ReviewThread[] = threadNodes.map((t) => ({
          id: t.id,
          isResolved: t.isResolved,
          isOutdated: t.isOutdated,
          path: t.path,
          comments: t.comments.nodes.map((c) => ({
            author: login(c),
            body: c.body,
            mine: c.viewerDidAuthor,
          })),
          commentCount: t.comments.totalCount,
        }));
        const issueComments: IssueComment[] = commentNodes.map((c) => ({
          id: Number(c.fullDatabaseId),
          author: login(c),
          body: c.body,
          mine: c.viewerDidAuthor,
        }));
        // Who we are, for reviews: the viewer, else the author of a comment we wrote, else the Actions bot.
        const ours = [...commentNodes, ...threadNodes.flatMap((t) => t.comments.nodes)].find(
          (c) => c.viewerDidAuthor && c.author,
        );
        const me = data.viewer?.login ?? (ours ? login(ours) : null) ?? ACTIONS_BOT;
        const reviews: ReviewSummary[] = reviewNodes.map((r) => ({
          author: login(r),
          body: r.body,
          mine: sameLogin(login(r), me),
        }));
        return {
          pull: {
            number: pr.number,
            headSha: pr.headRefOid,
            baseSha: pr.baseRefOid,
            baseRef: pr.baseRefName,
            state: pr.state,
          },
          viewer: data.viewer?.login ?? null,
          threads,
          issueComments,
          reviews,
        };
      }),

    listPullFiles: (number) =>
      attempt(`list the files of pull request #${number}`, async (): Promise<PullFile[]> => {
        const files = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
          owner,
          repo,
          pull_number: number,
          per_page: 100,
        });
        return files.map((f) => ({
          path: f.filename,
          status: f.status,
          previousPath: f.previous_filename ?? null,
          patch: f.patch ?? null,
        }));
      }),

    getFile: (path, ref) =>
      attempt(`read ${path} at ${ref}`, async (): Promise<FileContent | null> => {
        let data: unknown;
        try {
          // Slashes stay slashes (octokit's {path} would send %2F), as in GitHub's own contents_url.
          ({ data } = await octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, {
            owner,
            repo,
            ref,
          }));
        } catch (error) {
          if ((error as { status?: number }).status === 404) return null;
          throw error;
        }
        const file = data as { type?: string; size?: number; encoding?: string; content?: string };
        if (Array.isArray(data) || file.type !== 'file') return null;
        const size = file.size ?? 0;
        if (size > MAX_FILE_BYTES) return { path, size, content: null };
        if (file.encoding === 'base64' && typeof file.content === 'string') {
          return { path, size, content: new Uint8Array(Buffer.from(file.content, 'base64')) };
        }
        // 1 MB < size <= 1 MiB: the JSON answer leaves the bytes out; the raw media type has them.
        const raw = await octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, {
          owner,
          repo,
          ref,
          headers: { accept: 'application/vnd.github.raw' },
        });
        const body = raw.data as unknown;
        const content =
          typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body as ArrayBuffer);
        return { path, size, content };
      }),

    listRepoFiles: (ref) =>
      attempt(`list the files at ${ref}`, async () => {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
          owner,
          repo,
          tree_sha: ref,
          recursive: '1',
        });
        if (data.truncated) return null;
        return data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path as string);
      }),

    createReview: (number, review) =>
      attempt(`post a review on pull request #${number}`, async () => {
        await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
          owner,
          repo,
          pull_number: number,
          commit_id: review.commitId,
          event: 'COMMENT',
          body: review.body,
          comments: review.comments.map(toReviewComment),
        });
      }),

    createIssueComment: (number, body) =>
      attempt(`comment on pull request #${number}`, async () => {
        await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          owner,
          repo,
          issue_number: number,
          body,
        });
      }),

    updateIssueComment: (id, body) =>
      attempt(`update comment ${id}`, async () => {
        await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          owner,
          repo,
          comment_id: id,
          body,
        });
      }),

    resolveReviewThreads: (ids) =>
      attempt(`resolve ${ids.length} review thread(s)`, async () => {
        if (ids.length === 0) return;
        // One request for all of them: aliased mutations in one document.
        const params = ids.map((_, i) => `$t${i}: ID!`).join(', ');
        const fields = ids
          .map((_, i) => `r${i}: resolveReviewThread(input: {threadId: $t${i}}) { thread { id isResolved } }`)
          .join('\n');
        const variables = Object.fromEntries(ids.map((id, i) => [`t${i}`, id]));
        await octokit.graphql(`mutation reportCheckResolve(${params}) {\n${fields}\n}`, variables);
      }),

    createCommitStatus: (sha, status: CommitStatus) =>
      attempt(`set a commit status on ${sha.slice(0, 7)}`, async () => {
        const description =
          status.description.length > MAX_STATUS_DESCRIPTION
            ? `${status.description.slice(0, MAX_STATUS_DESCRIPTION - 1)}…`
            : status.description;
        await octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
          owner,
          repo,
          sha,
          state: status.state,
          context: status.context,
          description,
          ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
        });
      }),
  };
}

/** A repository path for a URL: each segment encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function toReviewComment(c: NewReviewComment) {
  return {
    path: c.path,
    body: c.body,
    line: c.line,
    side: 'RIGHT' as const,
    ...(c.startLine !== null && c.startLine < c.line
      ? { start_line: c.startLine, start_side: 'RIGHT' as const }
      : {}),
  };
}
