import { createRepositoryReader, RepositoryReadError } from '../../src/github/repository-reader.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github-rest.js';

describe('createRepositoryReader', () => {
  let fake: FakeGitHub;
  const warnings: string[] = [];
  const reader = (token: string | null = 't') =>
    createRepositoryReader({
      token,
      baseUrl: fake.baseUrl,
      retryBaseMs: 5,
      onWarning: (m) => warnings.push(m),
    });

  beforeAll(async () => {
    fake = await startFakeGitHub([
      {
        owner: 'o',
        repo: 'ok',
        defaultBranch: 'trunk',
        files: { 'reports/README.md': '# r\n', 'reports/a.png': 'x' },
      },
      // Between 1 MB and 1 MiB the JSON answer has no bytes: they come with the raw media type.
      {
        owner: 'o',
        repo: 'raw',
        files: { 'reports/README.md': '# raw\n' },
        sizes: { 'reports/README.md': 1024 * 1024 },
      },
      { owner: 'o', repo: 'huge-tree', truncatedTree: true, files: { 'reports/README.md': '# r\n' } },
      { owner: 'o', repo: 'folder', files: { 'reports/README.md/x': 'x' } },
      {
        owner: 'o',
        repo: 'limited',
        fault: 'secondary-rate-limit-once',
        files: { 'reports/README.md': '# r\n' },
      },
      { owner: 'o', repo: 'down', fault: 'server-error-always', files: {} },
      { owner: 'o', repo: 'html', fault: 'contents-not-json', files: { 'reports/README.md': '# r\n' } },
      { owner: 'o', repo: 'no-tree', fault: 'tree-empty-object', files: { 'reports/README.md': '# r\n' } },
      { owner: 'o', repo: 'tree-404', fault: 'tree-not-found', files: { 'reports/README.md': '# r\n' } },
      {
        owner: 'o',
        repo: 'no-branch',
        fault: 'repository-empty-object',
        files: { 'reports/README.md': '# r\n' },
      },
    ]);
  });
  afterAll(() => fake.close());

  it('should read the report and the file list at the default branch', async () => {
    const report = await reader().readReport('o', 'ok', 'reports/README.md', null);
    expect(report).toEqual({
      ref: 'trunk',
      htmlUrl: 'https://github.com/o/ok/blob/trunk/reports/README.md',
      content: new TextEncoder().encode('# r\n'),
      files: ['reports/README.md', 'reports/a.png'],
      unchecked: null,
    });
    expect(fake.log.requests.slice(-3).every((r) => r.authorized)).toBe(true);
  });

  it('should send no authorization without a token', async () => {
    const before = fake.log.requests.length;
    await reader(null).readReport('o', 'ok', 'reports/README.md', null);
    expect(fake.log.requests.slice(before).some((r) => r.authorized)).toBe(false);
  });

  it('should fetch a report over 1 MB as raw bytes', async () => {
    const report = await reader().readReport('o', 'raw', 'reports/README.md', null);
    expect(new TextDecoder().decode(report.content)).toBe('# raw\n');
  });

  it('should skip the image checks (files null), saying why, when the tree is too large to list', async () => {
    const report = await reader().readReport('o', 'huge-tree', 'reports/README.md', null);
    expect([report.files, report.unchecked]).toEqual([
      null,
      'GitHub cut the list of files at main short (too many files)',
    ]);
  });

  it('should skip the image checks, not find every figure missing, when the tree is refused', async () => {
    const report = await reader().readReport('o', 'tree-404', 'reports/README.md', null);
    expect([report.files, report.unchecked]).toEqual([null, 'GitHub would not list the files at main (404)']);
  });

  it('should make a repository answer without its default branch the row error', async () => {
    await expect(reader().readReport('o', 'no-branch', 'reports/README.md', null)).rejects.toThrow(
      `GitHub's answer to "read the repository" is not what its API documents`,
    );
  });

  it.each([
    ['html', 'read reports/README.md', 'an answer that is not JSON'],
    ['no-tree', 'list the files at main', 'at the top'],
  ])(
    'should make a malformed answer (%s) the row error, not a missing file or an empty tree',
    async (repo, op, why) => {
      const read = reader().readReport('o', repo, 'reports/README.md', 'main');
      await expect(read).rejects.toThrow(RepositoryReadError);
      await expect(reader().readReport('o', repo, 'reports/README.md', 'main')).rejects.toThrow(
        `GitHub's answer to "${op}" is not what its API documents (${why}`,
      );
    },
  );

  it('should wait out a secondary rate limit and say so', async () => {
    const report = await reader().readReport('o', 'limited', 'reports/README.md', null);
    expect(report.ref).toBe('main');
    expect(warnings.some((w) => /secondary rate limit .*retrying in 1 s/.test(w))).toBe(true);
  });

  it('should say why a repository cannot be read, in one line', async () => {
    await expect(reader().readReport('o', 'missing', 'reports/README.md', null)).rejects.toThrow(
      RepositoryReadError,
    );
    await expect(reader().readReport('o', 'missing', 'reports/README.md', null)).rejects.toThrow(
      'repository not found, or the token may not read it',
    );
    await expect(reader().readReport('o', 'ok', 'docs/x.md', null)).rejects.toThrow('no docs/x.md at trunk');
    await expect(reader().readReport('o', 'folder', 'reports/README.md', null)).rejects.toThrow(
      'reports/README.md at main is not a file',
    );
    await expect(reader().readReport('o', 'down', 'reports/README.md', null)).rejects.toThrow(
      /^GitHub did not answer: read the repository \(503/,
    );
    await expect(reader().readReport('o', 'ok', 'docs/x.md', 'v2')).rejects.toThrow('no docs/x.md at v2');
  });
});
