// The cohort command's entry, loaded on demand by `report-check cohort` (dist/cohort.cjs): wires the real GitHub
// reader, the progress display on stderr and the terminal's width into runCohort. Nothing else.
import { SingleBar } from 'cli-progress';
import type { CliDeps } from '../cli/run.js';
import { createRepositoryReader } from '../github/repository-reader.js';
import { barProgress, lineProgress } from './progress.js';
import { runCohort } from './run.js';

/** Runs `report-check cohort ARGS` in this process, with GitHub, stderr and stdout's terminal width. */
export function runCohortCommand(argv: readonly string[], deps: CliDeps): Promise<number> {
  return runCohort(argv, deps, {
    createReader: createRepositoryReader,
    progress: (total) =>
      process.stderr.isTTY
        ? barProgress(
            total,
            new SingleBar({
              stream: process.stderr,
              format: 'report-check cohort [{bar}] {value}/{total} sources | {duration}s',
              hideCursor: true,
              clearOnComplete: true,
            }),
          )
        : lineProgress(total, deps.stderr),
    columns: deps.isTTY ? process.stdout.columns : undefined,
  });
}
