import type { Repo } from './client.js';
import type { CommitStatus, NewReview, NewReviewComment } from './port.js';

/** GitHub's cap on a commit status description ("description is too long (maximum is 140 characters)"). */
const MAX_STATUS_DESCRIPTION = 140;

/** Submits one review (event COMMENT: a bot's REQUEST_CHANGES would stay until dismissed). */
export async function createReview({ octokit, owner, repo }: Repo, number: number, review: NewReview) {
  await octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
    owner,
    repo,
    pull_number: number,
    commit_id: review.commitId,
    event: 'COMMENT',
    body: review.body,
    comments: review.comments.map(toReviewComment),
  });
}

/** Adds a conversation comment to the pull request. */
export async function createIssueComment({ octokit, owner, repo }: Repo, number: number, body: string) {
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: number,
    body,
  });
}

/** Rewrites a conversation comment. */
export async function updateIssueComment({ octokit, owner, repo }: Repo, id: number, body: string) {
  await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    owner,
    repo,
    comment_id: id,
    body,
  });
}

/** Deletes a conversation comment; 404 (already deleted, e.g. by a concurrent run) counts as done. */
export async function deleteIssueComment({ octokit, owner, repo }: Repo, id: number) {
  try {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner,
      repo,
      comment_id: id,
    });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
}

/** Resolves review threads, all in one request: aliased mutations in one document. */
export async function resolveReviewThreads({ octokit }: Repo, ids: readonly string[]) {
  if (ids.length === 0) return;
  const params = ids.map((_, i) => `$t${i}: ID!`).join(', ');
  const fields = ids
    .map((_, i) => `r${i}: resolveReviewThread(input: {threadId: $t${i}}) { thread { id isResolved } }`)
    .join('\n');
  const variables = Object.fromEntries(ids.map((id, i) => [`t${i}`, id]));
  await octokit.graphql(`mutation reportCheckResolve(${params}) {\n${fields}\n}`, variables);
}

/** Sets a commit status, its description cut to GitHub's limit. */
export async function createCommitStatus({ octokit, owner, repo }: Repo, sha: string, status: CommitStatus) {
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
