import type { Edition } from '../editions.js';
import type { CheckOutcome } from './check-one.js';

/**
 * What a helper thread needs to check reports of a run: the reports (as the user named them, duplicates
 * dropped), the options they share, and the claim counter every thread takes its next report's index from.
 * Plain data, so that it can be posted to a worker thread; only runs without a custom schema use helpers.
 */
export interface HelperJob {
  files: readonly string[];
  /** `[0]` is the index of the next report nobody has claimed, over a SharedArrayBuffer: see {@link claim}. */
  claims: Int32Array;
  cwd: string;
  edition: Edition | 'auto';
  strict: boolean;
}

/** One helper thread, as the thread that prints sees it. */
export interface Helper {
  /** The outcomes it has posted since the last call, each with its report's index; never waits. */
  take(): Array<[number, CheckOutcome]>;
  /** Resolves once it has posted another outcome or has stopped. */
  next(): Promise<void>;
  /** Whether it has stopped: done, or failed (then the reports it claimed are checked here). */
  readonly stopped: boolean;
  /** Lets the process exit without waiting for the thread to wind down. */
  release(): void;
}

/** Helper threads for runs with many reports: the CLI's port to worker_threads. */
export interface CheckThreads {
  /**
   * Starts the helpers for a run over `job.files`: `threads - 1` when given, else as many as the run is worth
   * (none for a few reports); fewer when no more can start.
   */
  start(job: HelperJob, threads?: number): Helper[];
}

/** Takes the index of the next unclaimed report; an index past the last means every report is taken. */
export function claim(claims: Int32Array): number {
  return Atomics.add(claims, 0, 1);
}

/**
 * Checks the reports `0..count-1`, this thread and the helpers each claiming the next unclaimed one, and hands
 * every outcome to `emit` in index order as soon as those before it are known (text output streams in order
 * while the helpers work). A report a failed helper had claimed is checked here, so the outcomes, the output
 * and the exit status are those of checking every report in this thread, one after the other.
 */
export async function checkInOrder(
  count: number,
  claims: Int32Array,
  helpers: readonly Helper[],
  checkHere: (index: number) => CheckOutcome,
  emit: (outcome: CheckOutcome) => void,
): Promise<void> {
  const outcomes = new Array<CheckOutcome | undefined>(count);
  let emitted = 0;
  const collect = (): void => {
    for (const helper of helpers) for (const [index, outcome] of helper.take()) outcomes[index] = outcome;
    for (let next = outcomes[emitted]; next !== undefined; next = outcomes[emitted]) {
      outcomes[emitted] = undefined;
      emitted += 1;
      emit(next);
    }
  };
  for (let index = claim(claims); index < count; index = claim(claims)) {
    outcomes[index] = checkHere(index);
    collect();
  }
  while (emitted < count) {
    const running = helpers.filter((helper) => !helper.stopped);
    if (running.length > 0) await Promise.race(running.map((helper) => helper.next()));
    collect();
    // Every helper has stopped and the next report is still missing: its helper failed, check it here.
    if (emitted < count && running.length === 0) outcomes[emitted] = checkHere(emitted);
  }
  for (const helper of helpers) helper.release();
}
