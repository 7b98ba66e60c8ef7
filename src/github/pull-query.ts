import { checkAnswer, type AnswerName } from './answers.js';
import { GitHubError } from './errors.js';
import type { Repo } from './client.js';
import type { IssueComment, PullRequestState, ReviewSummary, ReviewThread } from './port.js';

// viewerDidAuthor tells our comments and reviews apart whatever login the token writes as; `viewer` is not asked
// for: nothing needs the login, and GitHub refuses it to App and Actions tokens (nulling the whole answer).
const AUTHORED = 'author { login } body viewerDidAuthor';
const THREADS = `pageInfo { hasNextPage endCursor }
  nodes { id isResolved isOutdated path comments(first: 10) { totalCount nodes { ${AUTHORED} } } }`;
// fullDatabaseId: comment ids have outgrown GraphQL's 32-bit Int `databaseId`.
const COMMENTS = `pageInfo { hasNextPage endCursor } nodes { fullDatabaseId ${AUTHORED} }`;
const REVIEWS = `pageInfo { hasNextPage endCursor } nodes { ${AUTHORED} }`;

const PULL_QUERY = `query reportCheckPull($owner: String!, $repo: String!, $number: Int!) {
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
interface Authored {
  author: { login: string } | null;
  body: string;
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
  reviews: Page<Authored>;
}
interface PullQuery {
  repository: { pullRequest: PullNode } | null;
}

async function pullQuery({ octokit, owner, repo }: Repo, number: number): Promise<PullQuery> {
  const checked = (data: unknown) =>
    checkAnswer<PullQuery>('pullRequest', `read pull request #${number}`, data);
  try {
    return checked(await octokit.graphql<unknown>(PULL_QUERY, { owner, repo, number }));
  } catch (error) {
    // @octokit/graphql reads `.errors` of the body: a `null` body throws a TypeError there.
    if (error instanceof TypeError) return checked(null);
    throw error;
  }
}

const PAGE_SCHEMA: Record<string, AnswerName> = {
  reviewThreads: 'threadsPage',
  comments: 'commentsPage',
  reviews: 'reviewsPage',
};

async function allPages<T>(r: Repo, page: Page<T>, field: string, selection: string, number: number) {
  const nodes = [...page.nodes];
  let info = page.pageInfo;
  while (info.hasNextPage) {
    const answer = await r.octokit.graphql<unknown>(PAGE_QUERY(field, selection), {
      owner: r.owner,
      repo: r.repo,
      number,
      after: info.endCursor,
    });
    const next = checkAnswer<{ repository: { pullRequest: Record<string, Page<T>> } }>(
      PAGE_SCHEMA[field] ?? 'threadsPage',
      `read pull request #${number}`,
      answer,
    );
    const more = next.repository.pullRequest[field] as Page<T>;
    nodes.push(...more.nodes);
    info = more.pageInfo;
  }
  return nodes;
}

const authored = (a: Authored) => ({
  author: a.author?.login ?? null,
  body: a.body,
  mine: a.viewerDidAuthor,
});

/** The pull request's head and base, and every thread, comment and review on it (all pages), in one query. */
export async function readPullRequest(r: Repo, number: number): Promise<PullRequestState> {
  const data = await pullQuery(r, number);
  const pr = data.repository?.pullRequest;
  if (!pr) throw new GitHubError(`read pull request #${number}`, 'not-found', 404, 'no such pull request');
  const [threadNodes, commentNodes, reviewNodes] = await Promise.all([
    allPages(r, pr.reviewThreads, 'reviewThreads', THREADS, number),
    allPages(r, pr.comments, 'comments', COMMENTS, number),
    allPages(r, pr.reviews, 'reviews', REVIEWS, number),
  ]);
  const threads: ReviewThread[] = threadNodes.map((t) => ({
    id: t.id,
    isResolved: t.isResolved,
    isOutdated: t.isOutdated,
    path: t.path,
    comments: t.comments.nodes.map(authored),
    commentCount: t.comments.totalCount,
  }));
  const issueComments: IssueComment[] = commentNodes.map((c) => ({
    id: Number(c.fullDatabaseId),
    ...authored(c),
  }));
  const reviews: ReviewSummary[] = reviewNodes.map(authored);
  const { headRefOid: headSha, baseRefOid: baseSha, baseRefName: baseRef, state } = pr;
  return {
    pull: { number: pr.number, headSha, baseSha, baseRef, state },
    threads,
    issueComments,
    reviews,
  };
}
