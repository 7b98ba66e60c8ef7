import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubError } from '../../src/github/errors.js';
import { createOctokitPort } from '../../src/github/octokit.js';
import type { GitHubPort } from '../../src/github/port.js';

// Every read of the port against 200 answers that are not what GitHub's API documents.
interface Answer {
  type: string;
  body: Buffer | string;
}
let server: Server;
let baseUrl: string;
let answer: (url: string, accept: string) => Answer;

beforeAll(async () => {
  server = createServer((req, res) => {
    const a = answer(req.url ?? '', req.headers.accept ?? '');
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': a.type });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (value: unknown): Answer => ({
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});
const port = () => createOctokitPort({ token: 't', owner: 'o', repo: 'r', baseUrl, retryBaseMs: 1 });

const SURPRISES: [string, Answer][] = [
  ['an empty body', { type: 'application/json; charset=utf-8', body: '' }],
  ['HTML', { type: 'text/html', body: '<html>unicorn</html>' }],
  ['JSON that does not parse', { type: 'application/json', body: '{"tree": [' }],
  ['the wrong shape', json({ message: 'not an array' })],
  ['null', json(null)],
];

const READS: [string, (p: GitHubPort) => Promise<unknown>][] = [
  ['read the pull request', (p) => p.getPullRequest(5)],
  ['list the pull request files', (p) => p.listPullFiles(5)],
  ['read a file', (p) => p.getFile('reports/README.md', 'abc')],
  ['list the repository files', (p) => p.listRepoFiles('abc')],
];

describe('answers that are not what the API documents', () => {
  it.each(READS.flatMap(([read, run]) => SURPRISES.map(([what, a]) => [read, what, run, a] as const)))(
    'should fail to %s when GitHub answers 200 with %s, not read it as nothing',
    async (_read, _what, run, a) => {
      answer = () => a;
      const failure = run(port());
      await expect(failure).rejects.toThrow(GitHubError);
      await expect(failure).rejects.toMatchObject({ kind: 'malformed' });
      await expect(failure).rejects.toThrow(/is not what its API documents/);
    },
  );

  it('should fail on a second page of pull request files that is not a list', async () => {
    answer = (url) =>
      url.includes('page=2')
        ? { type: 'text/html', body: '<html>unicorn</html>' }
        : { ...json([{ filename: 'a.md', status: 'added' }]) };
    const link = `<${baseUrl}/repos/o/r/pulls/5/files?per_page=100&page=2>; rel="next"`;
    const first = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', link });
      res.end(JSON.stringify([{ filename: 'a.md', status: 'added' }]));
    });
    await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
    const firstUrl = `http://127.0.0.1:${(first.address() as AddressInfo).port}`;
    const p = createOctokitPort({ token: 't', owner: 'o', repo: 'r', baseUrl: firstUrl, retryBaseMs: 1 });
    await expect(p.listPullFiles(5)).rejects.toMatchObject({ kind: 'malformed' });
    await new Promise<void>((resolve) => first.close(() => resolve()));
  });

  // Git has no empty directories: `[]` for the report is a broken answer, not "the report does not exist" (which
  // would be posted to the student, and on a rerun resolve every thread as fixed).
  it.each([
    ['an empty directory listing', json([])],
    ['a listing of the wrong shape', json([{ message: 'not an entry' }])],
  ])('should fail to read a file when GitHub answers %s, not read it as no file', async (_what, a) => {
    answer = () => a;
    await expect(port().getFile('reports/README.md', 'abc')).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('should still read a real directory at the path as no file', async () => {
    answer = () => json([{ type: 'file', path: 'reports/README.md/a.md', name: 'a.md' }]);
    await expect(port().getFile('reports/README.md', 'abc')).resolves.toBeNull();
  });

  it('should fail on a file whose content is shorter than its size (cut short)', async () => {
    answer = () => json({ type: 'file', size: 10, encoding: 'base64', content: 'aGk=' });
    await expect(port().getFile('reports/README.md', 'abc')).rejects.toThrow(/2 bytes of a 10-byte file/);
  });

  it('should keep the raw bytes of a file between 1 MB and 1 MiB, invalid UTF-8 included', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# Report\n'),
      Buffer.alloc(1_000_000, 0x61),
      Buffer.from([0xff, 0xfe]),
    ]);
    answer = (_url, accept) =>
      accept.includes('raw')
        ? { type: 'application/vnd.github.v3.raw; charset=utf-8', body: bytes }
        : json({ type: 'file', size: bytes.length, encoding: 'none', content: '' });
    const file = await port().getFile('reports/README.md', 'abc');
    expect(Buffer.from(file?.content ?? []).equals(bytes)).toBe(true);
  });
});
