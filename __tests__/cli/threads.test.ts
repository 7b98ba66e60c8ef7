import { fileURLToPath } from 'node:url';
import type { CheckOutcome } from '../../src/cli/check-one.js';
import { checkInOrder } from '../../src/cli/parallel.js';
import { workerThreads } from '../../src/cli/threads.js';

const launcher = fileURLToPath(new URL('../fixtures/cli/helper-launcher.cjs', import.meta.url));

/** Busy for `ms`, as a check is: the helper thread starts meanwhile and claims reports. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

async function run(files: string[], threads: number, msHere = 0) {
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const helpers = workerThreads(launcher).start(
    { files, claims, cwd: '/', edition: 'auto', strict: false },
    threads,
  );
  const emitted: CheckOutcome[] = [];
  await checkInOrder(
    files.length,
    claims,
    helpers,
    (index) => {
      busy(index === 0 ? msHere * 50 : msHere);
      return { path: files[index] ?? '', message: 'checked here' };
    },
    (outcome) => emitted.push(outcome),
  );
  return { helpers: helpers.length, emitted };
}

describe('workerThreads', () => {
  it('should check reports on a real helper thread and print every outcome in order', async () => {
    const files = Array.from({ length: 200 }, (_, i) => `r${i}.md`);
    const { helpers, emitted } = await run(files, 2, 2);
    expect(helpers).toBe(1);
    expect(emitted.map((outcome) => outcome.path)).toEqual(files);
    expect(emitted.some((outcome) => 'message' in outcome && outcome.message === 'checked on a helper')).toBe(
      true,
    );
  });

  it('should check here what a failed helper thread left', async () => {
    const files = ['a.md', 'crash', 'b.md', 'c.md'];
    const { emitted } = await run(files, 2, 4);
    expect(emitted.map((outcome) => outcome.path)).toEqual(files);
    // The helper claimed `crash` while this thread checked `a.md`, then failed: this thread checked it.
    expect(emitted[1]).toEqual({ path: 'crash', message: 'checked here' });
  });

  it('should start no helper for one thread', async () => {
    expect((await run(['a.md', 'b.md'], 1)).helpers).toBe(0);
  });
});
