// The CLI entry: wires the real file system, streams and engine into runCli and sets the exit status. Nothing else.
import packageJson from '../package.json' with { type: 'json' };
import { checkReport } from './check.js';
import { nodeFileSystem } from './cli/node-file-system.js';
import { runCli } from './cli/run.js';

// `report-check ... | head` closes the pipe early: stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// No top-level await: the CLI ships as a CommonJS bundle, which node starts without its ESM loader (half the
// start-up time of an ESM entry on Node 20).
runCli(process.argv.slice(2), {
  fs: nodeFileSystem,
  // Only `--schema` needs the schema compiler; loading it on demand keeps a plain check's start-up short.
  engine: {
    checkReport,
    loadConstraints: async (text, source) =>
      (await import('./validate/custom-schema.js')).loadConstraints(text, source),
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
  version: packageJson.version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `report-check: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
