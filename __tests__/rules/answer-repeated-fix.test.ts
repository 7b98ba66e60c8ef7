import { checkReport } from '../../src/check.js';
import { applyFixes } from '../../src/fixes/apply.js';
import { makeReport, words } from '../support/report.js';

const check = (content: string) =>
  checkReport({ path: 'reports/README.md', content, files: null, edition: '2026' });
const repeated = (content: string) => check(content).diagnostics.find((d) => d.ruleId === 'answer-repeated');

describe('answer-repeated fix', () => {
  it('should escape an "Answer:" written inside an answer, which the course checker then reads as one answer', () => {
    const report = makeReport('2026', { 9: `Answer: ${words(120)}` });
    const fix = repeated(report)?.fix;
    expect(fix?.edits).toEqual([expect.objectContaining({ text: '\\' })]);
    const fixed = check(applyFixes(report, fix ? [fix] : []).text);
    expect(fixed.diagnostics.filter((d) => d.ruleId === 'answer-repeated')).toEqual([]);
    expect(fixed.courseChecker.outcome).not.toBe('crash');
  });

  it('should offer no fix for an "Answer:" after a heading only the course checker sees: it would crash then', () => {
    // Question 7 ends in a <pre> block with Question 8's heading right under it: markdown keeps the heading in the
    // HTML block, so Question 8's "Answer:" repeats inside Question 7, but the checker splits at the `###` and
    // finds 31 answers; escaping that "Answer:" would join two of them and leave 30.
    const answers = { 7: `${words(60)}\n<pre>\ncoverage 78%\n</pre>` };
    const report = makeReport('2026', answers).replace('</pre>\n\n### Question 8', '</pre>\n### Question 8');
    expect(check(report).courseChecker.outcome).not.toBe('crash');
    const found = repeated(report);
    expect(found?.question).toBe(7);
    expect(found?.fix).toBeUndefined();
  });
});
