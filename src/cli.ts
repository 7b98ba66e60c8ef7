// The CLI entry: wires the real file system, streams and engine into runCli and sets the exit status. Nothing else.
import packageJson from '../package.json' with { type: 'json' };
import { checkReport } from './check.js';
import { nodeFileSystem } from './cli/node-file-system.js';
import { runCli } from './cli/run.js';
import { loadConstraints } from './validate/constraints.js';

// `report-check ... | head` closes the pipe early: stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  fs: nodeFileSystem,
  engine: { checkReport, loadConstraints },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
  version: packageJson.version,
});
