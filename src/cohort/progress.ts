/** Tells the teacher how far a cohort run has got. */
export interface Progress {
  /** One more source read (or failed). */
  tick(): void;
  /** The run is over: a bar is cleared. */
  stop(): void;
}

/**
 * Progress as lines, for a stderr that is not a terminal (CI logs, a file): one line each time another tenth of the
 * sources is done, so a log of 200 repositories gets 10 lines, not 200.
 */
export function lineProgress(total: number, write: (text: string) => void): Progress {
  let done = 0;
  let reported = 0;
  return {
    tick() {
      done += 1;
      const tenth = Math.floor((done * 10) / total);
      if (tenth > reported) {
        reported = tenth;
        write(`report-check: ${done} of ${total} sources read (${Math.floor((done * 100) / total)}%)\n`);
      }
    },
    stop() {
      // Lines need no clearing.
    },
  };
}

/** The part of cli-progress's SingleBar a {@link barProgress} drives. */
export interface Bar {
  start(total: number, value: number): void;
  increment(): void;
  stop(): void;
}

/** Progress as a bar on a terminal, drawn by cli-progress (or any {@link Bar}). */
export function barProgress(total: number, bar: Bar): Progress {
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
