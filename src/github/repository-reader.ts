import { MAX_REPORT_BYTES, problemReason } from '../source/problems.js';
import { checkAnswer } from './answers.js';
import { createClient, type ClientOptions, type Repo } from './client.js';
import { answerBytes } from './http-fetch.js';
import { listRepoFiles } from './reads.js';
import { toGitHubError } from './octokit.js';

/** How to reach GitHub for a cohort run (token: GITHUB_TOKEN / GH_TOKEN, or null for public repositories). */
export type RepositoryReaderOptions = ClientOptions;

/** A group's report as read from GitHub, with what the image checks need. */
export interface RepositoryReport {
  /** The branch, tag or commit read (the default branch unless one was given). */
  ref: string;
  /** The report's page on GitHub. */
  htmlUrl: string;
  content: Uint8Array;
  /** Every file path at `ref`, or null when they could not be listed (the image checks are then skipped). */
  files: string[] | null;
  /** Why the image checks could not run (the file list was cut short or refused); null when they ran. */
  unchecked: string | null;
}

/** A repository that could not be read, with one line saying why (no repository name in it). */
export class RepositoryReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RepositoryReadError';
  }
}

/** Reads one group's report (and file list) from GitHub without cloning. */
export interface RepositoryReader {
  /** Throws {@link RepositoryReadError} for a repository that is missing, private, without a report or too large. */
  readReport(owner: string, repo: string, path: string, ref: string | null): Promise<RepositoryReport>;
}

/** What the reading functions share: the one client and how a failure reads. */
interface ReaderContext {
  octokit: Repo['octokit'];
  /** The reason for a repository that is not there (or not readable with this token). */
  notFound: string;
}

function status(error: unknown): number | undefined {
  return (error as { status?: number } | null)?.status;
}

/** A GitHub failure as one line for the group's row (no repository name in it). */
function describe(operation: string, error: unknown): RepositoryReadError {
  const failure = toGitHubError(operation, error);
  const detail = failure.message.replace(/^GitHub refused to /, '');
  if (failure.kind === 'rate-limited')
    return new RepositoryReadError(`rate limited: ${detail}`, { cause: error });
  if (failure.kind === 'unauthorized')
    return new RepositoryReadError('the token was refused (401): check GITHUB_TOKEN', { cause: error });
  if (failure.kind === 'unavailable')
    return new RepositoryReadError(`GitHub did not answer: ${detail}`, { cause: error });
  if (failure.kind === 'forbidden') return new RepositoryReadError(`forbidden: ${detail}`, { cause: error });
  // An answer that is not what the API documents is a failed read, never an empty repository or a missing file.
  if (failure.kind === 'malformed') return new RepositoryReadError(failure.message, { cause: error });
  return new RepositoryReadError(`could not ${detail}`, { cause: error });
}

async function defaultBranch(
  { octokit, notFound }: ReaderContext,
  owner: string,
  repo: string,
): Promise<string> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
    return checkAnswer<{ default_branch: string }>('repository', 'read the repository', data).default_branch;
  } catch (error) {
    if (status(error) === 404) throw new RepositoryReadError(notFound, { cause: error });
    throw describe('read the repository', error);
  }
}

async function readContent(
  { octokit }: ReaderContext,
  owner: string,
  repo: string,
  path: string,
  ref: string,
) {
  try {
    const { data } = await octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, {
      owner,
      repo,
      ref,
    });
    return checkAnswer<unknown>('contents', `read ${path}`, data);
  } catch (error) {
    if (status(error) === 404) return null;
    throw describe(`read ${path}`, error);
  }
}

async function listFiles(
  { octokit }: ReaderContext,
  owner: string,
  repo: string,
  ref: string,
): Promise<Pick<RepositoryReport, 'files' | 'unchecked'>> {
  try {
    const files = await listRepoFiles({ octokit, owner, repo }, ref);
    if (files) return { files, unchecked: null };
    return { files: null, unchecked: `GitHub cut the list of files at ${ref} short (too many files)` };
  } catch (error) {
    // The listing failing costs only the image checks, when the report itself is read; an empty list instead
    // would report every figure missing.
    if (status(error) === 404 || status(error) === 409)
      return { files: null, unchecked: `GitHub would not list the files at ${ref} (${status(error)})` };
    throw describe('list the files', error);
  }
}

async function rawContent(
  { octokit }: ReaderContext,
  owner: string,
  repo: string,
  path: string,
  ref: string,
): Promise<Uint8Array> {
  try {
    const raw = await octokit.request(`GET /repos/{owner}/{repo}/contents/${encodePath(path)}`, {
      owner,
      repo,
      ref,
      headers: { accept: 'application/vnd.github.raw' },
      // As bytes, never as text: decoding would replace invalid UTF-8, which the course checker crashes on.
      request: { parseSuccessResponseBody: false },
    });
    return answerBytes(raw.data);
  } catch (error) {
    throw describe(`read ${path}`, error);
  }
}

async function readReport(
  context: ReaderContext,
  owner: string,
  repo: string,
  path: string,
  givenRef: string | null,
): Promise<RepositoryReport> {
  const ref = givenRef ?? (await defaultBranch(context, owner, repo));
  const [data, listing] = await Promise.all([
    readContent(context, owner, repo, path, ref),
    listFiles(context, owner, repo, ref),
  ]);
  if (data === null) {
    // With a given ref, the repository itself may be what is missing: ask, so the reason is the right one.
    if (givenRef !== null) await defaultBranch(context, owner, repo);
    throw new RepositoryReadError(`no ${path} at ${ref}`);
  }
  const file = data as {
    type?: string;
    size?: number;
    encoding?: string;
    content?: string;
    html_url?: string;
  };
  if (Array.isArray(data) || file.type !== 'file')
    throw new RepositoryReadError(`${path} at ${ref} is not a file`);
  const size = file.size ?? 0;
  if (size > MAX_REPORT_BYTES) {
    throw new RepositoryReadError(`${path} is ${problemReason({ kind: 'too-large', size })}`);
  }
  // Over 1 MB the contents API leaves the bytes out of its JSON answer; the raw media type has them.
  const content =
    file.encoding === 'base64' && typeof file.content === 'string'
      ? new Uint8Array(Buffer.from(file.content, 'base64'))
      : await rawContent(context, owner, repo, path, ref);
  const htmlUrl =
    file.html_url ?? `https://github.com/${owner}/${repo}/blob/${encodePath(ref)}/${encodePath(path)}`;
  return { ref, htmlUrl, content, ...listing };
}

/**
 * Creates the real {@link RepositoryReader}: one Octokit for the whole run, with the retry (5xx) and throttling
 * (rate limits, `retry-after`) plugins, so that the throttling plugin's limits hold across all repositories.
 */
export function createRepositoryReader(options: RepositoryReaderOptions): RepositoryReader {
  const context: ReaderContext = {
    octokit: createClient(options),
    notFound: options.token
      ? 'repository not found, or the token may not read it'
      : 'repository not found, or private (set GITHUB_TOKEN to read private repositories)',
  };
  return { readReport: (owner, repo, path, ref) => readReport(context, owner, repo, path, ref) };
}

/** A repository path for a URL: each segment encoded, slashes kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
