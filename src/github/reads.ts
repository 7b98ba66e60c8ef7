import { MAX_REPORT_BYTES } from '../parse/decode.js';
import type { Repo } from './client.js';
import type { FileContent, PullFile } from './port.js';

/** Larger files are not fetched: the engine refuses a report over this anyway (and the contents API inlines bytes only up to 1 MB). */
export const MAX_FILE_BYTES = MAX_REPORT_BYTES;

/** The files a pull request changes, every page, with their patches. */
export async function listPullFiles({ octokit, owner, repo }: Repo, number: number): Promise<PullFile[]> {
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
}

/** A file at a ref; null when it does not exist there or is not a file; no bytes when over {@link MAX_FILE_BYTES}. */
export async function getFile(r: Repo, path: string, ref: string): Promise<FileContent | null> {
  const { octokit, owner, repo } = r;
  // Slashes stay slashes (octokit's {path} would send %2F), as in GitHub's own contents_url.
  const route = `GET /repos/{owner}/{repo}/contents/${encodePath(path)}`;
  let data: unknown;
  try {
    ({ data } = await octokit.request(route, { owner, repo, ref }));
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
  const raw = await octokit.request(route, {
    owner,
    repo,
    ref,
    headers: { accept: 'application/vnd.github.raw' },
  });
  const body = raw.data as unknown;
  const content =
    typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body as ArrayBuffer);
  return { path, size, content };
}

/** Every blob path at a ref (the git tree, recursively), or null when GitHub truncates the tree. */
export async function listRepoFiles({ octokit, owner, repo }: Repo, ref: string): Promise<string[] | null> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner,
    repo,
    tree_sha: ref,
    recursive: '1',
  });
  if (data.truncated) return null;
  return data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path as string);
}

/** A repository path for a URL: each segment encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
