import type { CheckOutcome } from '../../src/cli/check-one.js';
import { checkInOrder } from '../../src/cli/parallel.js';
import { threadsFor } from '../../src/cli/threads.js';
import { fakeHelper } from './fake-threads.js';

const outcome = (index: number): CheckOutcome => ({ path: `r${index}.md`, message: `checked ${index}` });

async function run(count: number, crashAfter: number[] = []) {
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const byHelpers: number[] = [];
  const helpers = crashAfter.map((after) =>
    fakeHelper(
      claims,
      count,
      (index) => {
        byHelpers.push(index);
        return outcome(index);
      },
      after,
    ),
  );
  const here: number[] = [];
  const emitted: CheckOutcome[] = [];
  await checkInOrder(
    count,
    claims,
    helpers,
    (index) => {
      here.push(index);
      return outcome(index);
    },
    (result) => emitted.push(result),
  );
  return { emitted, here, byHelpers };
}

describe('checkInOrder', () => {
  it('should emit every outcome once, in order, whichever thread checked it', async () => {
    const { emitted, here, byHelpers } = await run(40, [Infinity, Infinity]);
    expect(emitted).toEqual(Array.from({ length: 40 }, (_, i) => outcome(i)));
    expect(byHelpers.length).toBeGreaterThan(0);
    expect(here.length).toBeGreaterThan(0);
    expect([...here, ...byHelpers].sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  });

  it('should check here the report a failed helper had claimed, and those after it', async () => {
    const { emitted, here, byHelpers } = await run(20, [3]);
    expect(emitted).toEqual(Array.from({ length: 20 }, (_, i) => outcome(i)));
    expect(byHelpers).toHaveLength(3);
    expect(here).toHaveLength(17);
  });

  it('should check everything here without helpers', async () => {
    const { emitted, here } = await run(5);
    expect(emitted.map((result) => result.path)).toEqual(['r0.md', 'r1.md', 'r2.md', 'r3.md', 'r4.md']);
    expect(here).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('threadsFor', () => {
  it('should give each thread two CPUs and a helper only to a run of many reports', () => {
    expect(threadsFor(2, 500)).toBe(1);
    expect(threadsFor(1, 500)).toBe(1);
    expect(threadsFor(4, 20)).toBe(1);
    expect(threadsFor(4, 107)).toBe(2);
    expect(threadsFor(16, 107)).toBe(4);
    expect(threadsFor(16, 5000)).toBe(8);
  });
});
