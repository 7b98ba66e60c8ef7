// The cohort command's entry, loaded on demand by `report-check cohort` (dist/cohort.cjs): wires the real GitHub
// reader, the progress display on stderr and the terminal's width into runCohort. Nothing else.
import { SingleBar } from 'cli-progress';
import type { CliDeps } from '../cli/run.js';
import { createRepositoryReader } from '../github/repository-reader.js';
import { barProgress, lineProgress, type Progress } from './progress.js';
import { runCohort } from './run.js';

/** Runs `report-check cohort ARGS` in this process, with GitHub, stderr and stdout's terminal width. */
export function runCohortCommand(argv: readonly string[], deps: CliDeps): Promise<number> {
  return runCohort(argv, deps, {
    createReader: createRepositoryReader,
    progress: (total) => (process.stderr.isTTY ? terminalBar(total) : lineProgress(total, deps.stderr)),
    columns: deps.isTTY ? process.stdout.columns : undefined,
  });
}

/**
 * The bar on a terminal. It hides the cursor and turns line wrapping off while it runs: Ctrl-C (or a SIGTERM)
 * clears it and gives both back before the run ends by the signal as it would have, so the teacher's terminal
 * is not left without a cursor.
 */
function terminalBar(total: number): Progress {
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'report-check cohort [{bar}] {value}/{total} sources | {duration}s',
    hideCursor: true,
    clearOnComplete: true,
  });
  const progress = barProgress(total, bar);
  const interrupted = (signal: NodeJS.Signals) => {
    progress.stop();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    tick: progress.tick,
    stop() {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      progress.stop();
    },
  };
}
