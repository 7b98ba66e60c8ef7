import { attempt, createClient, type OctokitPortOptions, type Repo } from './client.js';
import type { GitHubPort } from './port.js';
import { readPullRequest } from './pull-query.js';
import { countChangedFiles, getFile, listPullFiles, listRepoFiles } from './reads.js';
import * as writes from './writes.js';

export { toGitHubError, type OctokitPortOptions } from './client.js';
export { MAX_FILE_BYTES } from './reads.js';

/** Creates the real {@link GitHubPort}: each operation one request (or a few pages), failures as GitHubError. */
export function createOctokitPort(options: OctokitPortOptions): GitHubPort {
  const r: Repo = { octokit: createClient(options), owner: options.owner, repo: options.repo };
  return {
    getPullRequest: (number) => attempt(`read pull request #${number}`, () => readPullRequest(r, number)),
    listPullFiles: (number) =>
      attempt(`list the files of pull request #${number}`, () => listPullFiles(r, number)),
    countChangedFiles: (number) =>
      attempt(`count the files of pull request #${number}`, () => countChangedFiles(r, number)),
    getFile: (path, ref) => attempt(`read ${path} at ${ref}`, () => getFile(r, path, ref)),
    listRepoFiles: (ref) => attempt(`list the files at ${ref}`, () => listRepoFiles(r, ref)),
    createReview: (number, review) =>
      attempt(`post a review on pull request #${number}`, () => writes.createReview(r, number, review)),
    createIssueComment: (number, body) =>
      attempt(`comment on pull request #${number}`, () => writes.createIssueComment(r, number, body)),
    updateIssueComment: (id, body) =>
      attempt(`update comment ${id}`, () => writes.updateIssueComment(r, id, body)),
    deleteIssueComment: (id) => attempt(`delete comment ${id}`, () => writes.deleteIssueComment(r, id)),
    resolveReviewThreads: (ids) =>
      attempt(`resolve ${ids.length} review thread(s)`, () => writes.resolveReviewThreads(r, ids)),
    createCommitStatus: (sha, status) =>
      attempt(`set a commit status on ${sha.slice(0, 7)}`, () => writes.createCommitStatus(r, sha, status)),
  };
}
