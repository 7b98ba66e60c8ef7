import { dirname, resolve } from 'node:path';
import type { GitRunner } from './git-files.js';

/**
 * Whether a `--pre-commit` run may stop at once, before reading anything: it runs inside `git commit` (which sets
 * GIT_INDEX_FILE for its hooks) and git says that nothing is staged under any report's folder. pre-commit starts a
 * hook on added, changed and renamed files only, never on a deletion, so the hook is started on every commit
 * (`always_run`) and asks git itself: a deleted figure counts, as does a figure renamed out of the folder. Outside a
 * commit (`pre-commit run --all-files`, pre-commit.ci, CI) there is no staged change to go by, so it checks; so it
 * does whenever git cannot answer.
 */
export function nothingStaged(
  reports: readonly string[],
  deps: { git?: GitRunner; env: Readonly<Record<string, string | undefined>>; cwd: string },
): boolean {
  const { git } = deps;
  if (!git || !deps.env.GIT_INDEX_FILE) return false;
  const folders = new Set(reports.map((report) => dirname(resolve(deps.cwd, report))));
  for (const folder of folders) {
    // --no-renames: a figure renamed out of the folder is its deletion here. `.` is the folder, in the index.
    const staged = git(['diff', '--cached', '--name-only', '--no-renames', '-z', '--', '.'], folder);
    if (!staged || staged.status !== 0 || staged.stdout !== '') return false;
  }
  return true;
}
