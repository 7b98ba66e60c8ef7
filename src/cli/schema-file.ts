import { resolve } from 'node:path';
import type { Constraints } from '../engine.js';
import { isRunError } from '../errors.js';
import { oneLine } from '../output/printable.js';
import { describeFsError, displayPath, readReportBytes } from './files.js';
import type { CliDeps } from './run.js';
import { UsageError } from './usage-error.js';

/** Reads and compiles a `--schema` file; a missing, unreadable or invalid schema is one usage error naming it. */
export async function loadSchema(
  file: string,
  deps: Pick<CliDeps, 'fs' | 'cwd' | 'engine'>,
): Promise<Constraints> {
  const shown = displayPath(file);
  let bytes: Uint8Array;
  try {
    bytes = readReportBytes(deps.fs, resolve(deps.cwd, file));
  } catch (error) {
    throw new UsageError(`${shown}: ${describeFsError(error)}`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return await deps.engine.loadConstraints(text, shown);
  } catch (error) {
    if (!isRunError(error)) throw error;
    // JSON.parse messages quote the text around the error, line breaks and all.
    const message = oneLine(error.message);
    throw new UsageError(message.startsWith(`${shown}: `) ? message : `${shown}: ${message}`, {
      cause: error,
    });
  }
}
