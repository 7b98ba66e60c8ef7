import { checkReport } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { applyFixes } from '../../src/fixes/apply.js';
import { makeReport, words } from '../support/report.js';

// Issue 7: when the word count names the template's markers or placeholder (and template-marker or
// placeholder-left is left out for that answer), `--fix` must still remove them: the word count carries the fix.

const check = (text: string): Diagnostic[] =>
  checkReport({ path: 'reports/README.md', content: text, edition: '2026' }).diagnostics;
const report = (answer: string) => makeReport('2026', { 4: answer });
const shown = (d: Diagnostic | undefined) => (d ? `${d.line} ${d.message} [${d.ruleId}]` : 'none');

function fixAll(text: string): string {
  return applyFixes(
    text,
    check(text).flatMap((d) => (d.fix ? [d.fix] : [])),
  ).text;
}

describe('the word count that names the removable words', () => {
  it("should carry the markers' fix, whose advice is right once followed (seed 000, Question 3)", () => {
    const text = report(`--- ${words(79)} ---`);
    const found = check(text);
    const count = found.find((d) => d.ruleId === 'word-count');
    expect(shown(count)).toMatch(
      /^\d+ Question 4 has 81 words \(2 of them the template's `---` markers, which you should remove\): it needs 100–200, so add at least 21\. \[word-count\]$/,
    );
    expect(found.map((d) => d.ruleId)).not.toContain('template-marker');
    expect(count?.fix?.description).toBe("Remove the template's `---` markers");
    expect(count?.fix?.after).toBe('Question 4 then has 79 words: 21 short of its 100–200');
    const fixed = fixAll(text);
    expect(fixed).toBe(report(words(79)));
    expect(shown(check(fixed).find((d) => d.ruleId === 'word-count'))).toMatch(
      /Question 4 has 79 words; it needs 100–200 words, so add at least 21\. \[word-count\]$/,
    );
  });

  it('should carry the placeholder line and the markers together when it names both', () => {
    const text = report(`--- question 4 fill here ---\n\n--- ${words(40)} ---`);
    const count = check(text).find((d) => d.ruleId === 'word-count');
    expect(count?.message).toContain(
      "(8 of them the template's `---` markers and its `--- question 4 fill here ---` line",
    );
    expect(count?.fix?.description).toBe("Remove the template's `---` markers and placeholder line");
    expect(fixAll(text)).toBe(report(words(40)));
  });

  it('should carry no fix when it names nothing removable', () => {
    expect(check(report(words(40))).find((d) => d.ruleId === 'word-count')?.fix).toBeUndefined();
  });
});
