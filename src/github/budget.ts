import { RunError } from '../errors.js';

/** What every request runs under: the run's time budget. */
export interface RequestBudget {
  /** The signal requests run under now; aborted once the run's time is up. */
  signal(): AbortSignal;
  /** Milliseconds left before {@link signal} aborts. */
  remainingMs(): number;
}

/** The run's time ran out (input `timeout-seconds`): never retried, ends the run as "could not run". */
export class TimeBudgetError extends RunError {
  static override readonly brand: string = 'TimeBudgetError';
  readonly seconds: number;

  constructor(seconds: number, during?: string) {
    super(
      `the run's time limit (timeout-seconds: ${seconds}) ran out${during ? ` while waiting to ${during}` : ''}`,
    );
    this.seconds = seconds;
  }
}

/** The run's budget: a work phase, then a short reserve in which only the "could not run" summary is posted. */
export interface RunBudget extends RequestBudget {
  readonly seconds: number;
  /** Throws {@link TimeBudgetError} once the work phase is over. */
  check(during?: string): void;
  /** Stops the timers (the run is over). */
  dispose(): void;
}

/** The part of the budget kept for telling the pull request that the run could not finish. */
export function reserveMs(totalMs: number): number {
  return Math.min(10_000, Math.round(totalMs / 4));
}

/**
 * Starts the budget of a run of `seconds`: requests in flight when the work phase ends are aborted, and later
 * ones run under the reserve, which ends at `seconds`.
 */
export function startRunBudget(seconds: number, now: () => number = Date.now): RunBudget {
  const totalMs = seconds * 1000;
  const start = now();
  const work = new AbortController();
  const final = new AbortController();
  const workMs = totalMs - reserveMs(totalMs);
  const timers = [
    setTimeout(() => work.abort(new TimeBudgetError(seconds)), workMs),
    setTimeout(() => final.abort(new TimeBudgetError(seconds)), totalMs),
  ];
  // A timer must not keep the process alive once the run is done.
  for (const timer of timers) timer.unref?.();
  return {
    seconds,
    signal: () => (work.signal.aborted ? final.signal : work.signal),
    remainingMs: () => Math.max(0, start + (work.signal.aborted ? totalMs : workMs) - now()),
    check(during) {
      if (work.signal.aborted) throw new TimeBudgetError(seconds, during);
    },
    dispose: () => timers.forEach(clearTimeout),
  };
}
