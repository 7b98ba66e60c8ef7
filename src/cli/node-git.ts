import { spawnSync } from 'node:child_process';
import type { GitRunner } from './git-files.js';

/** The CLI's git port over `git` on PATH (synchronous, like the file system: a run asks git once or twice). */
export const nodeGit: GitRunner = (args, cwd, input) => {
  const result = spawnSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // Not the user's pager, prompts or locale-dependent quoting: the output is parsed.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  if (result.error) return null;
  return { status: result.status, stdout: result.stdout };
};
