/** The head and base of a pull request as GitHub knows them now (a rerun's event payload may be stale). */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  /** Base branch name, e.g. `main`. */
  baseRef: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
}

/** A comment in a review thread. */
export interface ThreadComment {
  author: string | null;
  body: string;
  /** Written by the token's user (GraphQL `viewerDidAuthor`): known even when GitHub will not name the viewer. */
  mine: boolean;
}

/** A review thread on the pull request, with the comments needed to tell whose it is. */
export interface ReviewThread {
  /** GraphQL node id (for resolveReviewThread). */
  id: string;
  isResolved: boolean;
  /** The commented line is no longer part of the diff. */
  isOutdated: boolean;
  path: string;
  comments: ThreadComment[];
  /** All comments in the thread, which may be more than `comments` holds. */
  commentCount: number;
}

/** A conversation comment on the pull request. */
export interface IssueComment {
  /** REST id (for updates). */
  id: number;
  author: string | null;
  body: string;
  /** Written by the token's user (GraphQL `viewerDidAuthor`). */
  mine: boolean;
}

/** A submitted review's author and body (the inline comments live in threads). */
export interface ReviewSummary {
  author: string | null;
  body: string;
  /** Written by the token's user (GraphQL `PullRequestReview.viewerDidAuthor`). */
  mine: boolean;
}

/** Everything read about a pull request in one request: where it is and what is already posted on it. */
export interface PullRequestState {
  pull: PullRequestInfo;
  threads: ReviewThread[];
  /** Oldest first, as GitHub lists them. */
  issueComments: IssueComment[];
  reviews: ReviewSummary[];
}

/** One file of a pull request's diff. */
export interface PullFile {
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The old path of a renamed or copied file. */
  previousPath: string | null;
  /** Unified diff of the file; null when GitHub leaves it out (binary, too large, pure rename). */
  patch: string | null;
}

/** How many files a pull request changes at its head, as GitHub counts them. */
export interface ChangedFileCount {
  headSha: string;
  changedFiles: number;
}

/** A file read at one commit. */
export interface FileContent {
  path: string;
  size: number;
  /** The bytes, or null when the file is too large for the contents API to return them (over 1 MB). */
  content: Uint8Array | null;
}

/** An inline comment in a new review, on the RIGHT side of the diff. */
export interface NewReviewComment {
  path: string;
  body: string;
  line: number;
  /** First line of a range inside the same hunk, or null for one line. */
  startLine: number | null;
}

/** A review to submit: its body and inline comments, on one commit. */
export interface NewReview {
  commitId: string;
  body: string;
  comments: NewReviewComment[];
}

/** A commit status (shows on the pull request for a `workflow_dispatch` rerun). */
export interface CommitStatus {
  state: 'success' | 'failure' | 'error' | 'pending';
  context: string;
  /** At most 140 characters (GitHub rejects longer descriptions). */
  description: string;
  targetUrl: string | null;
}

/**
 * The only way report-check talks to GitHub: what the action reads and writes, in its own terms. Reads throw
 * {@link GitHubError} subclasses; a 404 on a file read is `null`, not an error.
 */
export interface GitHubPort {
  /** The pull request's current head and base, the token's user, and the threads and comments on it. */
  getPullRequest(number: number): Promise<PullRequestState>;
  /** The files the pull request changes, with their patches. */
  listPullFiles(number: number): Promise<PullFile[]>;
  /** How many files the pull request changes (asked only when the file list comes back empty). */
  countChangedFiles(number: number): Promise<ChangedFileCount>;
  /** A file at a commit or branch, or null when it does not exist there (or is not a file). */
  getFile(path: string, ref: string): Promise<FileContent | null>;
  /** Every file path at a commit (the git tree, recursively), or null when the tree is too large to list. */
  listRepoFiles(ref: string): Promise<string[] | null>;
  /** Posts one submitted review (event COMMENT) on `commitId`. */
  createReview(number: number, review: NewReview): Promise<void>;
  createIssueComment(number: number, body: string): Promise<void>;
  updateIssueComment(id: number, body: string): Promise<void>;
  /** Deletes one of our conversation comments (a duplicate summary); one already gone is not an error. */
  deleteIssueComment(id: number): Promise<void>;
  /** Resolves review threads by GraphQL node id. */
  resolveReviewThreads(threadIds: readonly string[]): Promise<void>;
  createCommitStatus(sha: string, status: CommitStatus): Promise<void>;
}
