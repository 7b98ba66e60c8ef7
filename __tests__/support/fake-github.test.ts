import { FakeGitHub } from './fake-github.js';

const files = [
  { path: 'r.md', status: 'modified' as const, previousPath: null, patch: '@@ -1,2 +1,3 @@\n a\n+b\n c' },
];

describe('FakeGitHub', () => {
  it('should reject a whole review with 422 when one comment is off the diff, as GitHub does', async () => {
    const fake = new FakeGitHub({ files });
    const review = {
      commitId: 'h',
      body: 'b',
      comments: [
        { path: 'r.md', body: 'ok', line: 2, startLine: null },
        { path: 'r.md', body: 'off', line: 9, startLine: null },
      ],
    };
    await expect(fake.createReview(7, review)).rejects.toMatchObject({ kind: 'invalid', status: 422 });
    expect(fake.reviews).toEqual([]);
    expect(fake.threads).toEqual([]);
  });

  it('should open one thread per inline comment, written by the viewer', async () => {
    const fake = new FakeGitHub({ files, viewer: 'bot[bot]' });
    await fake.createReview(7, {
      commitId: 'h',
      body: 'b',
      comments: [{ path: 'r.md', body: 'x', line: 3, startLine: 1 }],
    });
    expect(fake.threads).toMatchObject([
      { path: 'r.md', isResolved: false, comments: [{ author: 'bot[bot]', body: 'x' }] },
    ]);
    await fake.resolveReviewThreads([fake.threads[0]!.id]);
    expect(fake.threads[0]?.isResolved).toBe(true);
  });

  it('should answer 403 to every write with a read-only token and record the calls', async () => {
    const fake = new FakeGitHub({ readOnly: true });
    await expect(fake.createIssueComment(7, 'x')).rejects.toMatchObject({ kind: 'forbidden', status: 403 });
    await expect(
      fake.createCommitStatus('h', { state: 'success', context: 'c', description: 'd', targetUrl: null }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(fake.calls).toEqual(['createIssueComment #7', 'createCommitStatus h']);
  });

  it('should return files by ref, null when missing, and no bytes for a too-large file', async () => {
    const fake = new FakeGitHub({ trees: { main: { 'a.md': 'hi', 'big.md': { size: 5_000_000 } } } });
    expect(await fake.getFile('a.md', 'main')).toMatchObject({ size: 2 });
    expect(await fake.getFile('big.md', 'main')).toEqual({ path: 'big.md', size: 5_000_000, content: null });
    expect(await fake.getFile('a.md', 'other')).toBeNull();
    expect(await fake.listRepoFiles('main')).toEqual(['a.md', 'big.md']);
  });
});
