import { reportChecker, type CheckOutcome, type CheckSetup } from '../../src/cli/check-one.js';
import { claim, type CheckThreads, type Helper } from '../../src/cli/parallel.js';

/**
 * A helper in this thread: it claims and checks one report each time the printing thread looks (as a thread
 * running beside it would), and stops when none is left, or after `crashAfter` reports, leaving the last report it
 * claimed unchecked, as a thread that fails does.
 */
export function fakeHelper(
  claims: Int32Array,
  count: number,
  check: (index: number) => CheckOutcome,
  crashAfter = Infinity,
): Helper {
  let posted: Array<[number, CheckOutcome]> = [];
  let stopped = false;
  let done = 0;
  const step = (): void => {
    if (stopped) return;
    const index = claim(claims);
    if (index >= count || done === crashAfter) {
      stopped = true;
      return;
    }
    done += 1;
    posted.push([index, check(index)]);
  };
  return {
    take() {
      step();
      const taken = posted;
      posted = [];
      return taken;
    },
    next: () => new Promise<void>((resolve) => setImmediate(() => resolve(step()))),
    get stopped() {
      return stopped;
    },
    release: () => undefined,
  };
}

/** `helpers` helper threads in this thread, each checking with its own checker over the same ports. */
export function fakeThreads(
  ports: Pick<CheckSetup, 'fs' | 'engine' | 'git'>,
  helpers: number,
  started: unknown[] = [],
): CheckThreads {
  return {
    start(job) {
      started.push(job);
      return Array.from({ length: helpers }, () => {
        const check = reportChecker({ ...ports, ...job, constraints: null });
        return fakeHelper(job.claims, job.files.length, (index) => check(job.files[index] ?? ''));
      });
    },
  };
}
