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

  it('should not ask to reword the "Answer:" under a heading only the course checker sees: escaping it would crash it', () => {
    // Question 7 ends in a <div> line with Question 8's heading right under it: markdown keeps the heading in the
    // HTML block (it runs to the next empty line), but the checker splits at the `###` and finds 31 answers;
    // escaping Question 8's "Answer:" would join two of them and leave 30. question-missing says what to do.
    const answers = { 7: `${words(60)}\n<div>coverage 78%</div>` };
    const report = makeReport('2026', answers).replace('</div>\n\n### Question 8', '</div>\n### Question 8');
    const result = check(report);
    expect(result.courseChecker.outcome).not.toBe('crash');
    expect(repeated(report)).toBeUndefined();
    expect(result.diagnostics.find((d) => d.ruleId === 'question-missing')?.message).toMatch(
      /^Question 8 is missing; its heading on line \d+ does not show as a heading /,
    );
  });

  it('should read a heading right under `</pre>` as the page does: the `<pre>` block ends on that line', () => {
    const answers = { 7: `${words(60)}\n<pre>\ncoverage 78%\n</pre>` };
    const report = makeReport('2026', answers).replace('</pre>\n\n### Question 8', '</pre>\n### Question 8');
    const ruleIds = check(report).diagnostics.map((d) => d.ruleId);
    expect(ruleIds).not.toContain('answer-repeated');
    expect(ruleIds).not.toContain('question-missing');
  });
});
