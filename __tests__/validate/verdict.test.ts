import { readAsCourseChecker } from '../../src/parse/course-checker.js';
import { builtinConstraints } from '../../src/validate/constraints.js';
import { predictVerdict } from '../../src/validate/verdict.js';
import { makePassingReport, makeReport, words } from '../support/report.js';

const constraints = builtinConstraints('2026');
const verdictOf = (text: string, invalid: number[] = []) =>
  predictVerdict(readAsCourseChecker(text, '2026'), constraints, invalid);

describe('predictVerdict', () => {
  it('should pass a report inside every range', () => {
    expect(verdictOf(makePassingReport('2026'))).toEqual({ outcome: 'pass', failures: [], reason: null });
  });

  it('should fail on each broken range, as the checker warns', () => {
    const text = makePassingReport('2026').replace(
      /(### Question 4\n[^]*?> Answer:\n\n)[^\n]*/,
      `$1${words(3)}`,
    );
    expect(verdictOf(text).failures).toEqual([{ question: 4, kind: 'words', min: 100, max: 200, got: 3 }]);
  });

  it('should crash on a wrong answer count, and first of all on bytes that are not UTF-8', () => {
    expect(verdictOf(makeReport('2026', {}, 30))).toMatchObject({
      outcome: 'crash',
      reason: expect.stringMatching(/ValueError/),
    });
    expect(verdictOf(makePassingReport('2026'), [7]).reason).toBe(
      "UnicodeDecodeError: 'utf-8' codec can't decode the bytes on line 7",
    );
  });
});
