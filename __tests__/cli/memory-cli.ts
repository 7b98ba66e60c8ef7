import { checkReport } from '../../src/check.js';
import { runCli, type CliDeps } from '../../src/cli/run.js';
import { loadConstraints } from '../../src/validate/custom-schema.js';
import { memoryFileSystem } from './memory-file-system.js';

export interface MemoryRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the CLI wrote, by absolute path. */
  written: Map<string, string>;
}

/**
 * Runs the CLI as a user would, with `files` (absolute paths) as the whole file system and the real engine unless
 * `overrides` replaces it; the working directory is /work unless overridden.
 */
export async function runCliInMemory(
  argv: string[],
  files: Record<string, string | Uint8Array>,
  overrides: Partial<CliDeps> = {},
): Promise<MemoryRun> {
  let stdout = '';
  let stderr = '';
  const fs = memoryFileSystem(files);
  const code = await runCli(argv, {
    fs,
    engine: { checkReport, loadConstraints },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env: {},
    cwd: '/work',
    version: '0.0.0',
    ...overrides,
  });
  return { code, stdout, stderr, written: fs.written };
}
