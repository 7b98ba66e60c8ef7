import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryFiles } from '../../src/cli/files.js';
import { gitFiles, type GitRunner } from '../../src/cli/git-files.js';
import { nodeFileSystem } from '../../src/cli/node-file-system.js';
import { nodeGit } from '../../src/cli/node-git.js';
import { indexFiles } from '../../src/validate/images.js';

describe('gitFiles', () => {
  const onDisk = indexFiles([
    'reports/figures/committed.png',
    'reports/figures/new.png',
    'reports/figures/big.png',
  ]);

  /** A git that has committed.png in its index and ignores big.png; records every call. */
  function fakeGit(): { git: GitRunner; calls: string[][] } {
    const calls: string[][] = [];
    const git: GitRunner = (args, _cwd, input) => {
      calls.push([...args]);
      if (args[0] === 'ls-files')
        return { status: 0, stdout: 'reports/figures/committed.png\0reports/README.md\0' };
      if (input === 'reports/figures/big.png\0') {
        return { status: 0, stdout: 'reports/.gitignore\x002\0*big*\0reports/figures/big.png\0' };
      }
      return { status: 1, stdout: '' };
    };
    return { git, calls };
  }

  it('should see only what git will commit, and say why a file on disk is not in it', () => {
    const { git } = fakeGit();
    const files = gitFiles(git, '/r', onDisk);
    expect(files.has('reports/figures/committed.png')).toBe(true);
    expect(files.has('reports/figures/new.png')).toBe(false);
    expect(files.uncommitted?.('reports/figures/committed.png')).toBeUndefined();
    expect(files.uncommitted?.('reports/figures/new.png')).toEqual({ kind: 'untracked' });
    expect(files.uncommitted?.('reports/figures/big.png')).toEqual({
      kind: 'ignored',
      source: 'reports/.gitignore',
      line: 2,
      pattern: '*big*',
    });
    // Neither in git nor on disk: plainly missing.
    expect(files.uncommitted?.('reports/figures/none.png')).toBeUndefined();
    expect(files.findIgnoringCase('REPORTS/figures/Committed.png')).toBe('reports/figures/committed.png');
  });

  it('should list the files once, and not at all before an image is looked up', () => {
    const { git, calls } = fakeGit();
    const files = gitFiles(git, '/r', onDisk);
    expect(calls).toEqual([]);
    files.has('a.png');
    files.has('b.png');
    files.uncommitted?.('reports/figures/new.png');
    files.uncommitted?.('reports/figures/new.png');
    expect(calls.filter((c) => c[0] === 'ls-files')).toHaveLength(1);
    expect(calls.filter((c) => c[0] === 'check-ignore')).toHaveLength(1);
  });

  it('should fall back to the disk when git cannot list the files', () => {
    for (const broken of [() => null, () => ({ status: 128, stdout: '' })] as GitRunner[]) {
      const files = gitFiles(broken, '/r', onDisk);
      expect(files.has('reports/figures/new.png')).toBe(true);
      expect(files.uncommitted?.('reports/figures/new.png')).toBeUndefined();
    }
  });

  describe('in a real git work tree', () => {
    let repo: string;
    const sh = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });

    beforeEach(() => {
      repo = mkdtempSync(join(tmpdir(), 'report-check-git-'));
      mkdirSync(join(repo, 'reports/figures'), { recursive: true });
      for (const name of ['tracked.png', 'staged.png', 'untracked.png', 'ignored.png', 'with space é.png']) {
        writeFileSync(join(repo, 'reports/figures', name), 'png');
      }
      writeFileSync(join(repo, '.gitignore'), '*.log\nreports/figures/ignored.png\n');
      sh('init', '-q');
      sh('add', '.gitignore', 'reports/figures/tracked.png', 'reports/figures/with space é.png');
      sh('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'x');
      sh('add', 'reports/figures/staged.png');
    });

    afterEach(() => rmSync(repo, { recursive: true, force: true }));

    it('should count tracked and staged figures, and tell untracked from ignored ones', () => {
      const files = gitFiles(nodeGit, repo, repositoryFiles(nodeFileSystem, repo));
      expect(files.has('reports/figures/tracked.png')).toBe(true);
      expect(files.has('reports/figures/staged.png')).toBe(true);
      expect(files.has('reports/figures/with space é.png')).toBe(true);
      expect(files.has('reports/figures/untracked.png')).toBe(false);
      expect(files.uncommitted?.('reports/figures/untracked.png')).toEqual({ kind: 'untracked' });
      expect(files.uncommitted?.('reports/figures/ignored.png')).toEqual({
        kind: 'ignored',
        source: '.gitignore',
        line: 2,
        pattern: 'reports/figures/ignored.png',
      });
    });
  });
});
