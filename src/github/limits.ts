import type { Octokit } from '@octokit/core';
import type { OctokitOptions } from '@octokit/core/types';
import { TimeBudgetError, type RequestBudget } from './budget.js';
import { isFinalFailure } from './final-failure.js';

/** How long one request may take, and how long a request may go on being retried. */
export interface RequestLimits {
  /** Milliseconds one try may take, answer included, before it counts as a failure (and may be retried). */
  timeoutMs: number;
  /** Milliseconds after the first try within which a retry may still start. */
  retryWindowMs: number;
}

/** 30 s per try (GitHub answers in well under a second) and 60 s of retries: not node's 300 s header timeout × 4. */
export const DEFAULT_LIMITS: RequestLimits = { timeoutMs: 30_000, retryWindowMs: 60_000 };

interface LimitOptions extends Partial<RequestLimits> {
  budget?: RequestBudget;
  /** The retry plugin's milliseconds per second of back-off. */
  retryBaseMs?: number;
}

/** The parts of a request's options the retry plugin and fetch read. */
interface RequestControl {
  signal?: AbortSignal;
  retries?: number;
  retryCount?: number;
}

/** A failure the retry plugin must not retry: it reads its retry count from the request options. */
function final<E extends object>(error: E, options: { request: RequestControl }): E {
  options.request.retries = options.request.retryCount ?? 0;
  return Object.assign(error, { request: options });
}

/** A fresh error per request (the signal's reason is shared by every request it aborts). */
function spent(run: AbortSignal): TimeBudgetError {
  const reason = run.reason as unknown;
  return new TimeBudgetError(reason instanceof TimeBudgetError ? reason.seconds : 0);
}

/**
 * An Octokit plugin that puts a time limit on each try of a request (retried like a 5xx) and on its retries
 * together, and aborts every request once the run's budget is spent. Registered before the retry plugin, its hook
 * runs once per try.
 */
export function limits(octokit: Octokit, options: OctokitOptions): void {
  const { budget, retryBaseMs = 1000, ...given } = (options as { limits?: LimitOptions }).limits ?? {};
  const { timeoutMs, retryWindowMs } = { ...DEFAULT_LIMITS, ...given };
  const firstTry = new WeakMap<object, number>();
  octokit.hook.wrap('request', async (request, endpoint) => {
    const opts = endpoint as typeof endpoint & { request: RequestControl };
    opts.request ??= {};
    const started = firstTry.get(opts) ?? Date.now();
    firstTry.set(opts, started);
    const run = budget?.signal();
    if (run?.aborted) throw final(spent(run), opts);
    const timeout = tryTimeout(timeoutMs);
    opts.request.signal = run ? AbortSignal.any([timeout.signal, run]) : timeout.signal;
    try {
      return await request(opts);
    } catch (error) {
      if (run?.aborted) throw final(spent(run), opts);
      const e = error as Error;
      if (isFinalFailure(error)) throw final(e, opts);
      if (timeout.signal.aborted) e.message = `no answer within ${timeoutMs / 1000} s`;
      const backOff = ((opts.request.retryCount ?? 0) + 1) ** 2 * retryBaseMs;
      const tooLate = Date.now() + backOff - started > retryWindowMs;
      const afterBudget = budget !== undefined && backOff >= budget.remainingMs();
      if (tooLate || afterBudget) throw final(e, opts);
      throw e;
    } finally {
      timeout.clear();
    }
  });
}

/**
 * A signal that aborts after `ms`, on a timer cleared when the try ends: a plain setTimeout (not
 * AbortSignal.timeout's internal timer), so that no timer outlives its request and tests can run it on fake time.
 */
function tryTimeout(ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), ms);
  timer.unref?.();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * Test-only: `REPORT_CHECK_TRY_TIMEOUT_MS` (an integer from 100 to 30000) shortens the per-try timeout, so that the
 * acceptance scenarios of a hung request end in seconds instead of 30 s per try. Anything else: the default.
 */
export function limitsFromEnv(env: Record<string, string | undefined>): Partial<RequestLimits> {
  const ms = Number(env.REPORT_CHECK_TRY_TIMEOUT_MS ?? '');
  return Number.isInteger(ms) && ms >= 100 && ms <= DEFAULT_LIMITS.timeoutMs ? { timeoutMs: ms } : {};
}
