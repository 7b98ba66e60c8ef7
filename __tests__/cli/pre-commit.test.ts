// `--pre-commit`: inside `git commit`, a commit that stages nothing under the report's folder ends at once; any
// staged change there (a deletion too, which pre-commit never hands a hook) is checked, and so is every run
// outside a commit (`pre-commit run --all-files`, CI) and every run where git cannot answer.
import type { GitRunner } from '../../src/cli/git-files.js';
import { nothingStaged } from '../../src/cli/pre-commit.js';

const inCommit = { GIT_INDEX_FILE: '/work/.git/index.lock' };

function fakeGit(staged: Record<string, string | null>): GitRunner & { asked: string[][] } {
  const asked: string[][] = [];
  const git = ((args: readonly string[], cwd: string) => {
    asked.push([cwd, ...args]);
    const out = staged[cwd];
    return out === null || out === undefined ? null : { status: 0, stdout: out };
  }) as GitRunner & { asked: string[][] };
  git.asked = asked;
  return git;
}

describe('nothingStaged', () => {
  it('asks git for the staged changes of the report folder, renames as deletions', () => {
    const git = fakeGit({ '/work/reports': '' });
    expect(nothingStaged(['reports/README.md'], { git, env: inCommit, cwd: '/work' })).toBe(true);
    expect(git.asked).toEqual([
      ['/work/reports', 'diff', '--cached', '--name-only', '--no-renames', '-z', '--', '.'],
    ]);
  });

  it('checks when a figure under the folder is staged, deleted included', () => {
    const git = fakeGit({ '/work/reports': 'figures/old.png\0' });
    expect(nothingStaged(['reports/README.md'], { git, env: inCommit, cwd: '/work' })).toBe(false);
  });

  it('checks when any one of several reports has a staged change in its folder', () => {
    const git = fakeGit({ '/work/a': '', '/work/b': 'README.md\0' });
    expect(nothingStaged(['a/README.md', 'b/README.md'], { git, env: inCommit, cwd: '/work' })).toBe(false);
  });

  it('checks outside `git commit`, without asking git', () => {
    const git = fakeGit({ '/work/reports': '' });
    expect(nothingStaged(['reports/README.md'], { git, env: {}, cwd: '/work' })).toBe(false);
    expect(git.asked).toEqual([]);
  });

  it('checks when git cannot answer or there is no git', () => {
    const missing = fakeGit({ '/work/reports': null });
    expect(nothingStaged(['reports/README.md'], { git: missing, env: inCommit, cwd: '/work' })).toBe(false);
    const failing: GitRunner = () => ({ status: 128, stdout: '' });
    expect(nothingStaged(['reports/README.md'], { git: failing, env: inCommit, cwd: '/work' })).toBe(false);
    expect(nothingStaged(['reports/README.md'], { env: inCommit, cwd: '/work' })).toBe(false);
  });
});
