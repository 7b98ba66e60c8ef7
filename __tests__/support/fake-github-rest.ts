import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fault the fake injects for one repository. */
export type Fault =
  /** Every request about the repository answers 404, as GitHub does for a missing or unseen private one. */
  | 'not-found'
  /** The first request about the repository answers 502; later ones work. */
  | 'server-error-once'
  /** Every request answers 503. */
  | 'server-error-always'
  /** The first request answers 403 "secondary rate limit" with `retry-after: 1`. */
  | 'secondary-rate-limit-once'
  /** The contents answer is 200 with an HTML page instead of JSON. */
  | 'contents-not-json'
  /** The tree answer is 200 with an empty JSON object. */
  | 'tree-empty-object'
  /** The tree answers 404 although the report is there. */
  | 'tree-not-found'
  /** The repository's own answer is 200 with an empty JSON object (no default branch). */
  | 'repository-empty-object';

/** One repository the fake serves. */
export interface FakeRepository {
  owner: string;
  repo: string;
  defaultBranch?: string;
  /** Files at the default branch (and at any other ref asked for). */
  files: Record<string, string | Uint8Array>;
  /** Served only to a request with a token. */
  private?: boolean;
  fault?: Fault;
  /** Reported sizes that differ from the bytes (a report "too large" without sending megabytes). */
  sizes?: Record<string, number>;
  /** The tree listing says `truncated: true`. */
  truncatedTree?: boolean;
}

/** What the fake saw and did. */
export interface FakeGitHubLog {
  requests: { method: string; url: string; status: number; authorized: boolean }[];
}

/** A running fake: its REST root, its log, and how to stop it. */
export interface FakeGitHub {
  baseUrl: string;
  log: FakeGitHubLog;
  close(): Promise<void>;
}

/**
 * A local fake of the GitHub REST endpoints `report-check cohort` reads (repository, contents, git trees), with a
 * fixed latency per request and faults per repository. For the unit tests and `npm run bench`; it needs no network.
 */
export async function startFakeGitHub(
  repositories: readonly FakeRepository[],
  options: { latencyMs?: number } = {},
): Promise<FakeGitHub> {
  const byName = new Map(repositories.map((r) => [`${r.owner}/${r.repo}`.toLowerCase(), r]));
  const faulted = new Set<string>();
  const log: FakeGitHubLog = { requests: [] };
  const latency = options.latencyMs ?? 0;

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake.test');
    const authorized = typeof req.headers.authorization === 'string';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.requests.push({ method: req.method ?? '', url: req.url ?? '', status, authorized });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    const match = /^\/repos\/([^/]+)\/([^/]+)(?:\/(contents|git\/trees)\/(.*))?$/.exec(url.pathname);
    if (!match) return send(404, { message: 'Not Found' });
    const key =
      `${decodeURIComponent(match[1] as string)}/${decodeURIComponent(match[2] as string)}`.toLowerCase();
    const repository = byName.get(key);
    if (!repository || repository.fault === 'not-found' || (repository.private && !authorized)) {
      return send(404, { message: 'Not Found' });
    }
    if (repository.fault === 'server-error-always') return send(503, { message: 'Service Unavailable' });
    if (repository.fault === 'server-error-once' && !faulted.has(key)) {
      faulted.add(key);
      return send(502, { message: 'Bad Gateway' });
    }
    if (repository.fault === 'secondary-rate-limit-once' && !faulted.has(key)) {
      faulted.add(key);
      return send(
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
        { 'retry-after': '1' },
      );
    }
    const branch = repository.defaultBranch ?? 'main';
    const kind = match[3];
    if (kind === undefined) {
      if (repository.fault === 'repository-empty-object') return send(200, {});
      return send(200, { full_name: key, default_branch: branch, private: repository.private ?? false });
    }
    if (kind === 'git/trees' && repository.fault === 'tree-empty-object') return send(200, {});
    if (kind === 'git/trees' && repository.fault === 'tree-not-found')
      return send(404, { message: 'Not Found' });
    if (kind === 'contents' && repository.fault === 'contents-not-json') {
      log.requests.push({ method: req.method ?? '', url: req.url ?? '', status: 200, authorized });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html>unicorn</html>');
      return;
    }
    if (kind === 'git/trees') {
      const paths = Object.keys(repository.files);
      if (paths.length === 0) return send(409, { message: 'Git Repository is empty.' });
      return send(200, {
        sha: 'f'.repeat(40),
        truncated: repository.truncatedTree ?? false,
        tree: paths.map((path) => ({ path, type: 'blob', mode: '100644' })),
      });
    }
    const path = decodeURIComponent(match[4] as string);
    const content = repository.files[path];
    if (content === undefined) {
      // A folder answers with the list of its entries.
      const inside = Object.keys(repository.files).filter((file) => file.startsWith(`${path}/`));
      if (inside.length > 0)
        return send(
          200,
          inside.map((file) => ({ type: 'file', name: file.slice(path.length + 1), path: file })),
        );
      return send(404, { message: 'Not Found' });
    }
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const size = repository.sizes?.[path] ?? bytes.length;
    const ref = url.searchParams.get('ref') ?? branch;
    const htmlUrl = `https://github.com/${repository.owner}/${repository.repo}/blob/${ref}/${path}`;
    if (req.headers.accept === 'application/vnd.github.raw') {
      log.requests.push({ method: req.method ?? '', url: req.url ?? '', status: 200, authorized });
      res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
      res.end(bytes);
      return;
    }
    // Over 1 MB GitHub leaves the bytes out of the JSON answer (encoding "none").
    const large = size > 1024 * 1024;
    return send(200, {
      type: 'file',
      path,
      size,
      encoding: large ? 'none' : 'base64',
      content: large ? '' : bytes.toString('base64'),
      html_url: htmlUrl,
    });
  };

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (latency > 0) setTimeout(() => answer(req, res), latency);
      else answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
