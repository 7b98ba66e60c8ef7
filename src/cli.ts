// The CLI entry: wires the real file system, streams and engine into runCli and sets the exit status. Nothing else.
import packageJson from '../package.json' with { type: 'json' };
import { fstatSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { join } from 'node:path';
import { checkReport } from './check.js';
import type { Engine } from './engine.js';
import { errorMessage } from './errors.js';
import { nodeFileSystem } from './cli/node-file-system.js';
import { nodeGit } from './cli/node-git.js';
import { runCli } from './cli/run.js';
import { checkOnHelper as checkJob, workerThreads, type HelperData } from './cli/threads.js';

/**
 * Whether this run checked a report. dist/cli.cjs writes its code cache only after such a run (src/cli-launcher.ts):
 * a cache made by `--version`, `--help` or a usage error would hold none of the checking code, and it is kept
 * for as long as the bundle is unchanged.
 */
export let checkedReport = false;

/** Whether stdout still has a reader: `report-check ... | head` may close it early. */
let stdoutOpen = true;

/** UTF-8 of the output, a piece at a time (a 107-report JSON document is 2 MB). */
const encoder = new TextEncoder();
let piece: Uint8Array | undefined;

/**
 * Writes all of `text` to a file descriptor synchronously. Synchronous writes fail where they happen, so they can
 * be answered in one line, and they spare creating node's stdout stream, a good part of a cold start. The text is
 * encoded piece by piece into one reused buffer: Buffer.from would measure the whole text and then encode it into
 * a new allocation (about 8 ms against 5 ms for the 2 MB JSON of the corpus, Node 20).
 */
function writeAll(fd: number, text: string): void {
  piece ??= new Uint8Array(64 * 1024);
  for (let rest = text; rest.length > 0;) {
    // encodeInto never splits a character: `read` code units became `written` bytes.
    const { read, written } = encoder.encodeInto(rest, piece);
    for (let offset = 0; offset < written;) {
      try {
        offset += writeSync(fd, piece, offset, written - offset);
      } catch (error) {
        // A non-blocking pipe that is full for a moment: try again.
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
    }
    rest = rest.slice(read);
  }
}

/**
 * Whether stdout is a terminal. A terminal is a character device other than /dev/null, so a pipe, a file or
 * /dev/null (a hook, CI, `| less`) is answered by two stats; only a character device asks node:tty, which loads
 * node:net and node:stream with it (a good part of a cold start).
 */
function stdoutIsTTY(): boolean {
  try {
    const stdout = fstatSync(1);
    if (!stdout.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && stdout.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // Not answerable by stat: node:tty decides.
  }
  return isatty(1);
}

function writeStdout(text: string): void {
  if (!stdoutOpen) return;
  try {
    writeAll(1, text);
  } catch (error) {
    // The reader left (`| head`): finish the run quietly, so the exit status still tells the findings.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
      stdoutOpen = false;
      return;
    }
    writeStderr(`report-check: could not write the output: ${errorMessage(error)}\n`);
    process.exit(2);
  }
}

function writeStderr(text: string): void {
  try {
    writeAll(2, text);
  } catch {
    // Nowhere left to say anything.
  }
}

// Only `--schema` needs the schema compiler; loading it on demand keeps a plain check's start-up short.
const loadConstraints: Engine['loadConstraints'] = async (text, source) =>
  (await import('./validate/custom-schema.js')).loadConstraints(text, source);

/**
 * The command. dist/cli.cjs calls it when node runs it; a helper thread requires dist/cli.cjs and calls
 * {@link checkOnHelper} instead. No top-level await: the CLI ships as a CommonJS bundle, which node starts without
 * its ESM loader (half the start-up time of an ESM entry on Node 20).
 */
export function main(): void {
  const argv = process.argv.slice(2);
  runCli(argv, {
    fs: nodeFileSystem,
    git: nodeGit,
    engine: {
      checkReport: (...args) => {
        checkedReport = true;
        return checkReport(...args);
      },
      loadConstraints,
    },
    // Helper threads load the bundle through the launcher beside it (dist/cli.cjs), with its code cache.
    threads: workerThreads(join(__dirname, 'cli.cjs')),
    stdout: writeStdout,
    stderr: writeStderr,
    isTTY: stdoutIsTTY(),
    env: process.env,
    cwd: process.cwd(),
    version: packageJson.version,
  }).then(
    (code) => finish(argv, code),
    (error: unknown) => {
      writeStderr(`report-check: internal error: ${errorMessage(error).split('\n')[0]}\n`);
      finish(argv, 2);
    },
  );
}

/**
 * Ends the run with its exit status. process.exit spares node tearing down the heap and the isolate at a natural
 * exit (about 4 ms of CPU per run, measured with perf stat on Node 20 and 24), but it drops whatever node's own
 * stdout and stderr streams still hold. Most output goes through {@link writeAll}, yet not all of it: ajv warns
 * about a custom schema through console.warn, and `cohort` draws its progress bar through process.stderr. Only on
 * Linux are those streams synchronous for files, pipes and terminals alike (node's documentation), so only there
 * is nothing left to flush; `cohort` ends when its event loop is empty everywhere. `exit` handlers still run, so
 * dist/cli.cjs still writes its code cache.
 */
function finish(argv: readonly string[], code: number): void {
  if (argv[0] === 'cohort' || process.platform !== 'linux') process.exitCode = code;
  else process.exit(code);
}

/** A helper thread of a run over many reports (src/cli/threads.ts): checks the reports it claims. */
export function checkOnHelper(data: HelperData): void {
  checkJob(data, { fs: nodeFileSystem, git: nodeGit, engine: { checkReport, loadConstraints } });
}
