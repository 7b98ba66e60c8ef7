// The CLI's helper threads over node:worker_threads (loaded only by a run with many reports). A helper loads the
// bundle through dist/cli.cjs, as the main thread does, so that it compiles nothing its code cache holds.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Engine } from '../engine.js';
import { reportChecker, type CheckOutcome } from './check-one.js';
import type { CliFileSystem } from './file-system.js';
import type { GitRunner } from './git-files.js';
import { claim, type CheckThreads, type Helper, type HelperJob } from './parallel.js';

/**
 * Reports per helper thread: a helper takes about 40 ms to start and load the engine (Node 20), the check of
 * about ten reports, and its engine starts cold; with fewer reports the run is no faster.
 */
export const REPORTS_PER_HELPER = 32;

/**
 * Threads worth running on `cpus` CPUs. A cold run over the corpus on one thread keeps about 1.5 CPUs busy (V8
 * optimises the engine on a thread of its own: 0.87 s of CPU in 0.56 s on Node 20); on 2 CPUs a helper made the
 * run no faster (0.60 s against 0.56 s, 107 reports), so each thread gets two CPUs.
 */
export function threadsFor(cpus: number, reports: number): number {
  return Math.max(1, Math.min(Math.floor(cpus / 2), 1 + Math.floor(reports / REPORTS_PER_HELPER)));
}

/** What a helper thread is sent (its workerData). */
export interface HelperData {
  job: HelperJob;
  port: MessagePort;
}

function startHelper(launcher: string, job: HelperJob): Helper {
  const { port1, port2 } = new MessageChannel();
  const data: HelperData = { job, port: port2 };
  // The launcher runs the command only as node's main module; required, it hands over the bundle's entry points.
  const worker = new Worker(
    `require(${JSON.stringify(launcher)}).checkOnHelper(require('node:worker_threads').workerData);`,
    {
      eval: true,
      workerData: data,
      transferList: [port2],
    },
  );
  const posted: Array<[number, CheckOutcome]> = [];
  let wake: (() => void) | undefined;
  let stopped = false;
  port1.on('message', (message: [number, CheckOutcome]) => {
    posted.push(message);
    wake?.();
  });
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    stopped = true;
    wake?.();
  });
  return {
    take() {
      // While this thread checks reports the event loop does not run: take what is queued without it.
      for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1))
        posted.push(message.message as [number, CheckOutcome]);
      return posted.splice(0);
    },
    next: () => new Promise<void>((resolve) => (wake = resolve)),
    get stopped() {
      return stopped;
    },
    release() {
      port1.close();
      worker.unref();
    },
  };
}

/** Helper threads started through `launcher` (dist/cli.cjs), as many as {@link threadsFor} says, less this one. */
export function workerThreads(launcher: string): CheckThreads {
  return {
    start(job, threads) {
      const reports = job.files.length;
      // A single report is checked on this thread, without asking node:os for the CPUs (loaded on that call).
      const wanted =
        reports <= 1 ? 0 : Math.min(threads ?? threadsFor(availableParallelism(), reports), reports) - 1;
      const helpers: Helper[] = [];
      try {
        for (let i = 0; i < wanted; i += 1) helpers.push(startHelper(launcher, job));
      } catch {
        // No (more) threads to be had: the reports left are checked on those there are, and on this one.
      }
      return helpers;
    },
  };
}

/** A helper thread's work: claim the next report, check it, post the outcome, until every report is taken. */
export function checkOnHelper(
  { job, port }: HelperData,
  ports: { fs: CliFileSystem; git: GitRunner; engine: Engine },
): void {
  const check = reportChecker({ ...ports, ...job, constraints: null });
  for (let index = claim(job.claims); index < job.files.length; index = claim(job.claims))
    port.postMessage([index, check(job.files[index] ?? '')]);
  port.close();
}
