import { MAX_REPORT_BYTES } from '../parse/decode.js';
import { checkAnswer } from './answers.js';
import type { Repo } from './client.js';
import { GitHubError } from './errors.js';
import { answerBytes } from './http-fetch.js';
import type { ChangedFileCount, FileContent, PullFile } from './port.js';

/** Larger files are not fetched: the engine refuses a report over this anyway (and the contents API inlines bytes only up to 1 MB). */
export const MAX_FILE_BYTES = MAX_REPORT_BYTES;

interface PullFileAnswer {
  filename: string;
  status: PullFile['status'];
  previous_filename?: string;
  patch?: string;
}

/** The `next` link of a `Link` header, if any. */
function nextLink(link: string | undefined): string | null {
  return /<([^<>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;
}

/**
 * The files a pull request changes, every page, with their patches. Each page is checked: octokit's paginate
 * would read an empty or non-array answer as "no files", and the report as not changed.
 */
export async function listPullFiles({ octokit, owner, repo }: Repo, number: number): Promise<PullFile[]> {
  const operation = `list the files of pull request #${number}`;
  const files: PullFileAnswer[] = [];
  let response: { data: unknown; headers: { link?: string } } = await octokit.request(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    {
      owner,
      repo,
      pull_number: number,
      per_page: 100,
    },
  );
  for (;;) {
    files.push(...checkAnswer<PullFileAnswer[]>('pullFiles', operation, response.data));
    const next = nextLink(response.headers.link);
    if (!next) break;
    response = await octokit.request({ method: 'GET', url: next });
  }
  return files.map((f) => ({
    path: f.filename,
    status: f.status,
    previousPath: f.previous_filename ?? null,
    patch: f.patch ?? null,
  }));
}

interface PullAnswer {
  changed_files: number;
  head: { sha: string };
}

/** How many files the pull request changes, as GitHub counts them (REST; the GraphQL query leaves it out). */
export async function countChangedFiles(
  { octokit, owner, repo }: Repo,
  number: number,
): Promise<ChangedFileCount> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner,
    repo,
    pull_number: number,
  });
  const pull = checkAnswer<PullAnswer>('pull', `count the files of pull request #${number}`, data);
  return { headSha: pull.head.sha, changedFiles: pull.changed_files };
}

interface ContentsAnswer {
  type: string;
  size: number;
  encoding?: string;
  content?: string;
}

/** A file at a ref; null when it does not exist there or is not a file; no bytes when over {@link MAX_FILE_BYTES}. */
export async function getFile(r: Repo, path: string, ref: string): Promise<FileContent | null> {
  const { octokit, owner, repo } = r;
  const operation = `read ${path} at ${ref}`;
  // Slashes stay slashes (octokit's {path} would send %2F), as in GitHub's own contents_url.
  const route = `GET /repos/{owner}/{repo}/contents/${encodePath(path)}`;
  let data: unknown;
  try {
    ({ data } = await octokit.request(route, { owner, repo, ref }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  const file = checkAnswer<ContentsAnswer | unknown[]>('contents', operation, data);
  if (Array.isArray(file) || file.type !== 'file') return null;
  const { size } = file;
  if (size > MAX_FILE_BYTES) return { path, size, content: null };
  if (file.encoding === 'base64') {
    const content = new Uint8Array(Buffer.from(file.content ?? '', 'base64'));
    if (content.length !== size) throw cutShort(operation, content.length, size);
    return { path, size, content };
  }
  // 1 MB < size <= 1 MiB: the JSON answer leaves the bytes out; the raw media type has them. Read as bytes, never
  // as text: decoding would replace invalid UTF-8, which the course checker crashes on.
  const raw = await octokit.request(route, {
    owner,
    repo,
    ref,
    headers: { accept: 'application/vnd.github.raw' },
    request: { parseSuccessResponseBody: false },
  });
  const content = answerBytes(raw.data);
  if (content.length !== size) throw cutShort(operation, content.length, size);
  return { path, size, content };
}

function cutShort(operation: string, got: number, size: number): GitHubError {
  return new GitHubError(operation, 'malformed', 200, `${got} bytes of a ${size}-byte file`);
}

interface TreeAnswer {
  truncated: boolean;
  tree: { path: string; type: string }[];
}

/** Every blob path at a ref (the git tree, recursively), or null when GitHub truncates the tree. */
export async function listRepoFiles({ octokit, owner, repo }: Repo, ref: string): Promise<string[] | null> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner,
    repo,
    tree_sha: ref,
    recursive: '1',
  });
  const tree = checkAnswer<TreeAnswer>('tree', `list the files at ${ref}`, data);
  if (tree.truncated) return null;
  return tree.tree.filter((e) => e.type === 'blob').map((e) => e.path);
}

/** A repository path for a URL: each segment encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
