import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubError } from '../../src/github/errors.js';
import { createOctokitPort, MAX_FILE_BYTES, toGitHubError } from '../../src/github/octokit.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}
type Reply = { status?: number; headers?: Record<string, string>; body?: unknown; raw?: string };
type Handler = (req: Seen) => Reply;

let server: Server;
let seen: Seen[];
let handler: Handler;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      const request: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: data ? JSON.parse(data) : undefined,
      };
      seen.push(request);
      const reply = handler(request);
      if (reply.raw !== undefined) {
        res.writeHead(reply.status ?? 200, {
          'content-type': 'application/vnd.github.raw; charset=utf-8',
          ...reply.headers,
        });
        res.end(reply.raw);
        return;
      }
      res.writeHead(reply.status ?? 200, {
        'content-type': 'application/json; charset=utf-8',
        ...reply.headers,
      });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  handler = () => ({ status: 404, body: { message: 'Not Found' } });
});

const warnings: string[] = [];
const port = () =>
  createOctokitPort({
    token: 'ghs_test',
    owner: 'acme',
    repo: 'exam',
    baseUrl,
    retryBaseMs: 1,
    onWarning: (m) => warnings.push(m),
  });

const pullPage = (overrides: Record<string, unknown> = {}) => ({
  data: {
    repository: {
      pullRequest: {
        number: 5,
        headRefOid: 'h'.repeat(40),
        baseRefOid: 'b'.repeat(40),
        baseRefName: 'main',
        state: 'OPEN',
        reviewThreads: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [
            {
              id: 'T1',
              isResolved: false,
              isOutdated: true,
              path: 'reports/README.md',
              comments: {
                totalCount: 2,
                nodes: [{ author: { login: 'github-actions' }, body: 'x', viewerDidAuthor: true }],
              },
            },
          ],
        },
        comments: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [{ fullDatabaseId: '11', author: null, body: 'ghost', viewerDidAuthor: false }],
        },
        reviews: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: [{ author: { login: 'raj' }, body: 'ok', viewerDidAuthor: false }],
        },
        ...overrides,
      },
    },
  },
});

describe('createOctokitPort', () => {
  it('should read the pull request, its threads and comments in one GraphQL request with the token', async () => {
    handler = () => ({ body: pullPage() });
    const state = await port().getPullRequest(5);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/graphql' });
    expect(seen[0]?.headers.authorization).toBe('token ghs_test');
    expect((seen[0]?.body as { variables: unknown }).variables).toEqual({
      owner: 'acme',
      repo: 'exam',
      number: 5,
    });
    expect(state).toEqual({
      pull: { number: 5, headSha: 'h'.repeat(40), baseSha: 'b'.repeat(40), baseRef: 'main', state: 'OPEN' },
      threads: [
        {
          id: 'T1',
          isResolved: false,
          isOutdated: true,
          path: 'reports/README.md',
          comments: [{ author: 'github-actions', body: 'x', mine: true }],
          commentCount: 2,
        },
      ],
      issueComments: [{ id: 11, author: null, body: 'ghost', mine: false }],
      reviews: [{ author: 'raj', body: 'ok', mine: false }],
    });
  });

  it('should fetch further pages of a connection that has more', async () => {
    handler = (req) => {
      const query = (req.body as { query: string }).query;
      if (query.includes('reportCheckPage')) {
        return {
          body: {
            data: {
              repository: {
                pullRequest: {
                  comments: {
                    pageInfo: { hasNextPage: false, endCursor: 'c2' },
                    nodes: [
                      {
                        fullDatabaseId: '12',
                        author: { login: 'mia' },
                        body: 'second page',
                        viewerDidAuthor: false,
                      },
                    ],
                  },
                },
              },
            },
          },
        };
      }
      return {
        body: pullPage({
          comments: {
            pageInfo: { hasNextPage: true, endCursor: 'c1' },
            nodes: [
              { fullDatabaseId: '11', author: { login: 'mia' }, body: 'first page', viewerDidAuthor: false },
            ],
          },
        }),
      };
    };
    const state = await port().getPullRequest(5);
    expect(state.issueComments.map((c) => c.id)).toEqual([11, 12]);
    expect((seen[1]?.body as { variables: { after: string } }).variables.after).toBe('c1');
  });

  it('should not ask who the token is (GitHub refuses viewer to App tokens): one request, ours by viewerDidAuthor', async () => {
    handler = (req) =>
      (req.body as { query: string }).query.includes('viewer {')
        ? { body: { data: null, errors: [{ type: 'FORBIDDEN', path: ['viewer'], message: 'no' }] } }
        : { body: pullPage() };
    const state = await port().getPullRequest(5);
    expect(seen).toHaveLength(1);
    expect((seen[0]?.body as { query: string }).query).not.toMatch(/\bviewer\b/);
    expect(state.threads[0]?.comments[0]?.mine).toBe(true);
  });

  it('should tell our comments and reviews by viewerDidAuthor, whatever login they were written by', async () => {
    // A GitHub App token: `viewer` is refused; our comments are by report-app, not github-actions.
    const authored = (login: string, mine: boolean) => ({
      author: { login },
      body: login,
      viewerDidAuthor: mine,
    });
    const page = pullPage({
      comments: {
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [
          { fullDatabaseId: '1', ...authored('github-actions', false) },
          { fullDatabaseId: '2', ...authored('report-app', true) },
        ],
      },
      reviews: {
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [authored('github-actions', false), authored('report-app', true)],
      },
    });
    handler = () => ({ body: page });
    const state = await port().getPullRequest(5);
    expect((seen[0]?.body as { query: string }).query).toMatch(/body viewerDidAuthor/);
    expect((seen[0]?.body as { query: string }).query).toMatch(
      /reviews\(first: 100\) \{.*nodes \{ author \{ login \} body viewerDidAuthor \}/,
    );
    expect(state.issueComments.map((c) => [c.author, c.mine])).toEqual([
      ['github-actions', false],
      ['report-app', true],
    ]);
    expect(state.reviews.map((r) => [r.author, r.mine])).toEqual([
      ['github-actions', false],
      ['report-app', true],
    ]);
  });

  it('should not take a review by the Actions bot for ours when GitHub says the token did not write it', async () => {
    const page = pullPage();
    page.data.repository.pullRequest.reviewThreads.nodes = [];
    page.data.repository.pullRequest.reviews.nodes = [
      { author: { login: 'github-actions' }, body: 'r', viewerDidAuthor: false },
    ];
    handler = () => ({ body: page });
    const state = await port().getPullRequest(5);
    expect(state.reviews).toEqual([{ author: 'github-actions', body: 'r', mine: false }]);
  });

  it('should list every page of the pull request files with their patches', async () => {
    handler = (req) => {
      if (req.url.includes('page=2')) {
        return { body: [{ filename: 'b.png', status: 'added' }] };
      }
      return {
        headers: { link: `<${baseUrl}/repos/acme/exam/pulls/5/files?per_page=100&page=2>; rel="next"` },
        body: [
          {
            filename: 'reports/README.md',
            status: 'renamed',
            previous_filename: 'old.md',
            patch: '@@ -1 +1 @@',
          },
        ],
      };
    };
    const files = await port().listPullFiles(5);
    expect(seen[0]?.url).toBe('/repos/acme/exam/pulls/5/files?per_page=100');
    expect(files).toEqual([
      { path: 'reports/README.md', status: 'renamed', previousPath: 'old.md', patch: '@@ -1 +1 @@' },
      { path: 'b.png', status: 'added', previousPath: null, patch: null },
    ]);
  });

  it('should read a file at a ref and decode it', async () => {
    handler = () => ({
      body: { type: 'file', size: 6, encoding: 'base64', content: Buffer.from('héllo').toString('base64') },
    });
    const file = await port().getFile('reports/README.md', 'abc');
    expect(seen[0]?.url).toBe('/repos/acme/exam/contents/reports/README.md?ref=abc');
    expect(new TextDecoder().decode(file?.content ?? new Uint8Array())).toBe('héllo');
  });

  it('should encode each path segment but keep the slashes', async () => {
    await port().getFile('reports/my file#1.md', 'main');
    expect(seen[0]?.url).toBe('/repos/acme/exam/contents/reports/my%20file%231.md?ref=main');
  });

  it('should answer null for a missing file or a directory', async () => {
    expect(await port().getFile('nope.md', 'abc')).toBeNull();
    handler = () => ({ body: [{ type: 'file', name: 'a' }] });
    expect(await port().getFile('reports', 'abc')).toBeNull();
  });

  it('should not download a file over 1 MiB', async () => {
    handler = () => ({ body: { type: 'file', size: MAX_FILE_BYTES + 1, encoding: 'none', content: '' } });
    expect(await port().getFile('big.md', 'abc')).toEqual({
      path: 'big.md',
      size: MAX_FILE_BYTES + 1,
      content: null,
    });
    expect(seen).toHaveLength(1);
  });

  it('should fetch the raw bytes of a file between 1 MB and 1 MiB', async () => {
    handler = (req) =>
      req.headers.accept?.includes('raw')
        ? { raw: 'r'.repeat(1_000_001) }
        : { body: { type: 'file', size: 1_000_001, encoding: 'none', content: '' } };
    const file = await port().getFile('mid.md', 'abc');
    expect(new TextDecoder().decode(file?.content ?? new Uint8Array())).toBe('r'.repeat(1_000_001));
  });

  it('should list the blobs of the tree, or null when it is truncated', async () => {
    handler = () => ({
      body: {
        sha: 'abc',
        truncated: false,
        tree: [
          { path: 'reports', type: 'tree' },
          { path: 'reports/README.md', type: 'blob' },
        ],
      },
    });
    expect(await port().listRepoFiles('abc')).toEqual(['reports/README.md']);
    expect(seen[0]?.url).toBe('/repos/acme/exam/git/trees/abc?recursive=1');
    handler = () => ({ body: { sha: 'abc', truncated: true, tree: [] } });
    expect(await port().listRepoFiles('abc')).toBeNull();
  });

  it("should count the pull request's changed files, and refuse an answer without the count", async () => {
    handler = () => ({
      body: { number: 5, changed_files: 3, head: { sha: 'h'.repeat(40) }, base: { sha: 'b'.repeat(40) } },
    });
    expect(await port().countChangedFiles(5)).toEqual({ headSha: 'h'.repeat(40), changedFiles: 3 });
    expect(seen[0]?.url).toBe('/repos/acme/exam/pulls/5');
    handler = () => ({ body: { number: 5, head: { sha: 'h' }, base: { sha: 'b' } } });
    await expect(port().countChangedFiles(5)).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('count the files of pull request #5'),
    });
  });

  it('should post one COMMENT review with RIGHT-side lines and ranges', async () => {
    handler = () => ({ body: { id: 1 } });
    await port().createReview(5, {
      commitId: 'h',
      body: 'B',
      comments: [
        { path: 'r.md', body: 'one', line: 3, startLine: null },
        { path: 'r.md', body: 'range', line: 9, startLine: 7 },
      ],
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/repos/acme/exam/pulls/5/reviews' });
    expect(seen[0]?.body).toEqual({
      commit_id: 'h',
      event: 'COMMENT',
      body: 'B',
      comments: [
        { path: 'r.md', body: 'one', line: 3, side: 'RIGHT' },
        { path: 'r.md', body: 'range', line: 9, side: 'RIGHT', start_line: 7, start_side: 'RIGHT' },
      ],
    });
  });

  it('should create, update and delete issue comments', async () => {
    handler = () => ({ status: 201, body: { id: 3 } });
    await port().createIssueComment(5, 'hello');
    await port().updateIssueComment(3, 'again');
    await port().deleteIssueComment(4);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /repos/acme/exam/issues/5/comments',
      'PATCH /repos/acme/exam/issues/comments/3',
      'DELETE /repos/acme/exam/issues/comments/4',
    ]);
    expect(seen[1]?.body).toEqual({ body: 'again' });
  });

  it('should resolve several threads in one GraphQL request', async () => {
    handler = () => ({ body: { data: { r0: { thread: { id: 'A' } }, r1: { thread: { id: 'B' } } } } });
    await port().resolveReviewThreads(['A', 'B']);
    await port().resolveReviewThreads([]);
    expect(seen).toHaveLength(1);
    const body = seen[0]?.body as { query: string; variables: unknown };
    expect(body.query).toContain('r1: resolveReviewThread(input: {threadId: $t1})');
    expect(body.variables).toEqual({ t0: 'A', t1: 'B' });
  });

  it('should set a commit status with a description cut to 140 characters', async () => {
    handler = () => ({ status: 201, body: { id: 1 } });
    await port().createCommitStatus('s'.repeat(40), {
      state: 'failure',
      context: 'report-check',
      description: 'd'.repeat(200),
      targetUrl: 'https://example.test/run',
    });
    const body = seen[0]?.body as { description: string; target_url: string; state: string };
    expect(seen[0]?.url).toBe(`/repos/acme/exam/statuses/${'s'.repeat(40)}`);
    expect(body.description).toHaveLength(140);
    expect(body).toMatchObject({
      state: 'failure',
      context: 'report-check',
      target_url: 'https://example.test/run',
    });
  });

  it('should not retry an answer it cannot read: the same request would meet it again', async () => {
    handler = () => ({
      headers: { 'content-encoding': 'zstd' },
      body: { sha: 'abc', truncated: false, tree: [] },
    });
    await expect(port().listRepoFiles('abc')).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('zstd-encoded'),
    });
    expect(seen).toHaveLength(1);
  });

  it('should retry a 502 until it succeeds', async () => {
    let n = 0;
    handler = () => (++n <= 2 ? { status: 502, body: { message: 'Server Error' } } : { body: [] });
    expect(await port().listPullFiles(5)).toEqual([]);
    expect(seen).toHaveLength(3);
  });

  it('should not repeat a write whose answer was a 502: GitHub may have carried it out', async () => {
    handler = () => ({ status: 502, body: { message: 'Server Error' } });
    const review = { commitId: 'h', body: 'b', comments: [] };
    await expect(port().createReview(5, review)).rejects.toMatchObject({ kind: 'unavailable', status: 502 });
    await expect(port().createIssueComment(5, 'x')).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(port().updateIssueComment(3, 'x')).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(port().deleteIssueComment(3)).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(port().resolveReviewThreads(['A'])).rejects.toMatchObject({ kind: 'unavailable' });
    expect(seen.map((s) => s.method)).toEqual(['POST', 'POST', 'PATCH', 'DELETE', 'POST']);
  });

  it('should not repeat a write whose connection was reset before the answer', async () => {
    let n = 0;
    const reset = createServer((req) => {
      n++;
      req.socket.destroy();
    });
    await new Promise<void>((resolve) => reset.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(reset.address() as AddressInfo).port}`;
    const writer = createOctokitPort({
      token: 't',
      owner: 'acme',
      repo: 'exam',
      baseUrl: url,
      retryBaseMs: 1,
    });
    await expect(writer.createIssueComment(5, 'x')).rejects.toMatchObject({ kind: 'unavailable' });
    await new Promise<void>((resolve) => reset.close(() => resolve()));
    expect(n).toBe(1);
  });

  it('should still retry a GraphQL query (a read) that answered 502', async () => {
    let n = 0;
    handler = () => (++n === 1 ? { status: 502, body: { message: 'Server Error' } } : { body: pullPage() });
    expect((await port().getPullRequest(5)).pull.number).toBe(5);
    expect(seen).toHaveLength(2);
  });

  it('should give up on a server that keeps failing with an unavailable error', async () => {
    handler = () => ({ status: 503, body: { message: 'Unavailable' } });
    await expect(port().listPullFiles(5)).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    expect(seen).toHaveLength(4);
  });

  it('should wait out a secondary rate limit (429 with retry-after) and retry', async () => {
    let n = 0;
    handler = () =>
      ++n === 1
        ? {
            status: 429,
            headers: { 'retry-after': '1' },
            body: { message: 'You have exceeded a secondary rate limit.' },
          }
        : { status: 201, body: { id: 1 } };
    await port().createIssueComment(5, 'x');
    expect(seen).toHaveLength(2);
    expect(warnings.some((w) => w.includes('secondary'))).toBe(true);
  });

  it('should wait out a primary rate limit (403, no requests remaining) and retry', async () => {
    let n = 0;
    handler = () =>
      ++n === 1
        ? {
            status: 403,
            headers: {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
            },
            body: { message: 'API rate limit exceeded for installation ID 1.' },
          }
        : { body: [] };
    expect(await port().listPullFiles(5)).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('should map a 403 on a write to a forbidden error without retrying', async () => {
    handler = () => ({ status: 403, body: { message: 'Resource not accessible by integration' } });
    const error = await port()
      .createIssueComment(5, 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((error as Error).message).toContain('Resource not accessible by integration');
    expect(seen).toHaveLength(1);
  });

  it('should map a GraphQL FORBIDDEN error to a forbidden error', async () => {
    handler = () => ({
      body: {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      },
    });
    await expect(port().resolveReviewThreads(['A'])).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('should map a 422 to an invalid error', async () => {
    handler = () => ({
      status: 422,
      body: { message: 'Unprocessable Entity', errors: ['line must be part of the diff'] },
    });
    await expect(port().createReview(5, { commitId: 'h', body: 'b', comments: [] })).rejects.toMatchObject({
      kind: 'invalid',
      status: 422,
    });
  });
});

describe('toGitHubError', () => {
  it('should classify statuses and keep non-Error throws', () => {
    expect(toGitHubError('x', { status: 401, message: 'Bad credentials' }).kind).toBe('unauthorized');
    expect(toGitHubError('x', { status: 404, message: 'Not Found' }).kind).toBe('not-found');
    expect(toGitHubError('x', 'boom')).toMatchObject({ kind: 'unavailable', status: 0 });
    expect(toGitHubError('x', 'boom').message).toContain('boom');
  });
});
