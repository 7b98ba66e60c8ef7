// Where the cohort goes: `-o FILE` (checked before anything is read) or stdout.
import * as nodePath from 'node:path';
import { describeFsError } from '../cli/files.js';
import type { CliDeps } from '../cli/run.js';
import { UsageError } from '../cli/usage-error.js';

/**
 * Refuses an `-o` that cannot be written (no such folder, or a folder given) before any source is read: a run
 * over 200 repositories would otherwise spend its API quota and then fail.
 */
export function checkOutputPath(output: string | undefined, deps: CliDeps): void {
  if (output === undefined) return;
  const path = nodePath.resolve(deps.cwd, output);
  const kind = (at: string): string | null => {
    try {
      return deps.fs.stat(at).kind;
    } catch {
      return null;
    }
  };
  if (kind(path) === 'directory') throw new UsageError(`-o ${output}: is a folder; name a file to write`);
  if (kind(nodePath.dirname(path)) !== 'directory')
    throw new UsageError(
      `-o ${output}: there is no folder ${nodePath.dirname(output) || '.'} to write it in`,
    );
}

/** Writes the cohort to `-o`, or to stdout. */
export function writeOutput(text: string, output: string | undefined, deps: CliDeps): void {
  if (output === undefined) {
    deps.stdout(text);
    return;
  }
  try {
    deps.fs.writeFile(nodePath.resolve(deps.cwd, output), text);
  } catch (error) {
    throw new UsageError(`${output}: could not write (${describeFsError(error)})`, { cause: error });
  }
}
