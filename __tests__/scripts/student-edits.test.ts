import { applyEdit, OPERATIONS, planEdit } from '../../scripts/student-edits.mjs';
import { makePassingReport } from '../support/report.js';

describe('the differential test’s student edits (scripts/student-edits.mjs)', () => {
  const report = makePassingReport('2026');

  it.each(Object.keys(OPERATIONS))('should change a filled report with the %s edit', (name) => {
    const changed = [1, 2, 3, 4, 5, 6, 7, 8].some((seed) => {
      const { text, done } = applyEdit(report, {
        seed,
        source: 0,
        operations: [name],
        finish: null,
        strict: false,
      });
      return text !== report && !done[0]?.endsWith('not applicable');
    });
    expect(changed).toBe(true);
  });

  it('should replay an edit exactly from its plan, and combine up to three edits', () => {
    const plans = Array.from({ length: 200 }, (_, i) => planEdit(1000 + i, 3));
    for (const plan of plans.slice(0, 20)) expect(applyEdit(report, plan)).toEqual(applyEdit(report, plan));
    expect(new Set(plans.map((p) => p.operations.length))).toEqual(new Set([1, 2, 3]));
  });
});
