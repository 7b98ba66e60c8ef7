import { checkReport } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { applyFixes } from '../../src/fixes/apply.js';
import { recase } from '../../src/rules/image-case-fix.js';
import { RULES } from '../../src/rules/index.js';
import { makeReport, words } from '../support/report.js';

const FILES = ['reports/README.md', 'reports/figures/bucket.png'];

function check(text: string): Diagnostic[] {
  return checkReport({ path: 'reports/README.md', content: text, files: FILES, edition: '2026' }).diagnostics;
}

/** Applies every fix of the report's findings; returns the findings before, the text after and its findings. */
function fixAll(text: string) {
  const before = check(text);
  const out = applyFixes(
    text,
    before.flatMap((d) => (d.fix ? [d.fix] : [])),
  );
  return { before, text: out.text, after: check(out.text), skipped: out.skipped };
}

const ruleIds = (ds: readonly Diagnostic[]) => ds.map((d) => d.ruleId);
const report = (answer: string, n = 4) => makeReport('2026', { [n]: answer });

describe('fixes', () => {
  it('should mark exactly the rules that have a fix producer as fixable', () => {
    expect(RULES.filter((r) => r.fixable).map((r) => r.id)).toEqual(
      RULES.filter((r) => r.fix).map((r) => r.id),
    );
    expect(RULES.filter((r) => r.fixable).length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['placeholder-left', `--- question 4 fill here ---\n\n${words(120)}`, words(120)],
    ['template-marker', `--- ${words(120)} ---`, words(120)],
    ['setext-heading', `${words(120)}\n---`, `${words(120)}\n\n---`],
    ['answer-repeated', `Answer: ${words(120)}`, `Answer\\: ${words(120)}`],
    [
      'image-case',
      `${words(120)}\n\n![Bucket](figures/Bucket.PNG)`,
      `${words(120)}\n\n![Bucket](figures/bucket.png)`,
    ],
  ])(
    'should fix %s with the one right edit, and a second fix should change nothing',
    (rule, answer, fixed) => {
      const once = fixAll(report(answer));
      const found = once.before.find((d) => d.ruleId === rule);
      expect(found?.fix?.edits.length).toBeGreaterThan(0);
      expect(once.text).toBe(report(fixed));
      expect(ruleIds(once.after)).not.toContain(rule);
      expect(fixAll(once.text).text).toBe(once.text);
    },
  );

  it('should say when removing the markers takes an answer below its minimum', () => {
    // Question 4 allows 100–200 words: 101 with the two markers, 99 without.
    const found = check(report(`--- ${words(99)} ---`)).find((d) => d.ruleId === 'template-marker');
    expect(found?.fix?.after).toBe('Question 4 then has 99 words: 1 short of its 100–200');
    expect(fixAll(report(`--- ${words(99)} ---`)).after.map((d) => d.ruleId)).toContain('word-count');
  });

  it('should take the markers off every marked line of an answer, and leave dash-only lines alone', () => {
    const answer = `--- ${words(60)}\n\n----------\n\n${words(60)} ---`;
    expect(fixAll(report(answer)).text).toBe(report(`${words(60)}\n\n----------\n\n${words(60)}`));
  });

  it('should remove one placeholder among other text and keep the text', () => {
    expect(fixAll(report(`${words(120)} --- question 4 fill here ---`)).text).toBe(report(words(120)));
  });

  it('should offer no fix where the edit would show: an Answer: in code, a === underline', () => {
    const inCode = check(report(`${words(120)}\n\n\`\`\`text\nAnswer: x\n\`\`\``));
    expect(inCode.find((d) => d.ruleId === 'answer-repeated')?.fix).toBeUndefined();
    const span = check(report(`${words(120)} \`Answer: x\``));
    expect(span.find((d) => d.ruleId === 'answer-repeated')?.fix).toBeUndefined();
    const equals = check(report(`${words(120)}\n===`));
    expect(equals.find((d) => d.ruleId === 'setext-heading')?.fix).toBeUndefined();
  });

  it('should recase the folders a link spells, and offer nothing when the case differs above them', () => {
    const found = check(report(`${words(120)}\n\n![B](../Reports/figures/bucket.png)`));
    expect(found.find((d) => d.ruleId === 'image-case')?.fix?.edits[0]?.text).toBe(
      '../reports/figures/bucket.png',
    );
    expect(recase('bucket.PNG', 'Reports/figures/bucket.PNG', 'reports/figures/bucket.png')).toBeNull();
    expect(recase('figures/B.png', 'reports/figures/B.png', 'reports/figures/b.png')).toBe('figures/b.png');
  });

  it("should never change the student's words: only markers, placeholders, line breaks and escapes go", () => {
    const answer = `--- question 4 fill here ---\n\n--- ${words(80)}\nAnswer: more ${words(30)} ---\n---`;
    const { text } = fixAll(report(answer));
    const tokens = (t: string) => t.split(/\s+/).filter((w) => /^word\d+$|^more$/.test(w));
    expect(tokens(text)).toEqual(tokens(report(answer)));
  });
});
