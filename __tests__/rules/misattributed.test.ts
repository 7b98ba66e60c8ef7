import { checkReport } from '../../src/check.js';
import { applyFixes } from '../../src/fixes/apply.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { makePassingReport, words } from '../support/report.js';

// Issue 7: "Misaligned answers: 'Question 14 has 123 words' sits under the `### Question 15` heading with no word of
// why." Question 9 loses its `Answer:` line and a section of notes with one is added before Question 21: the
// count is right, so the checker does not crash, and it grades the answers of Questions 10–20 one question early.

function shifted(): string {
  let text = makePassingReport('2026');
  const q9 = text.indexOf('### Question 9\n');
  text = text.slice(0, q9) + text.slice(q9).replace('> Answer:\n', '>\n');
  // Question 15's answer, graded as Question 14's (200–300 words), is too short for it.
  text = text.replace(/(### Question 15\n[^]*?> Answer:\n\n)[^\n]*/, `$1${words(123)}`);
  return text.replace(
    '### Question 21\n',
    `### Our extra notes\n>\n> Answer:\n\n${words(60)}\n\n### Question 21\n`,
  );
}

const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;
const shown = (d: Diagnostic | undefined): string => (d ? `${d.line} ${d.severity} ${d.message}` : 'none');

describe('answers the course checker grades against another question', () => {
  const text = shifted();
  const result = checkReport({ path: 'reports/README.md', content: text, edition: '2026' });
  const answerLine = (n: number) => lineOf(text, `### Question ${n}\n`) + 3;

  it('should predict the checker runs (the count is right) and fails Question 14', () => {
    expect(result.courseChecker.outcome).toBe('fail');
    expect(result.courseChecker.failures.map((f) => f.question)).toContain(14);
  });

  it("should name both numbers and the cause at the answer's line", () => {
    expect(shown(result.diagnostics.find((d) => d.ruleId === 'answers-misaligned'))).toBe(
      `${answerLine(10)} error The course checker grades this answer (under \`### Question 10\`) as Question 9's, because Question 9 has no \`Answer:\` line and it matches answers by position, not by heading; restore the template's questions and "Answer:" lines so each answer is under its own question.`,
    );
  });

  it('should say, on the word count it puts under another heading, which answer is counted and why', () => {
    const count = result.diagnostics.find((d) => d.ruleId === 'word-count' && d.question === 14);
    expect(shown(count)).toBe(
      `${lineOf(text, '### Question 15\n') + 5} error Question 14 has 123 words; it needs 200–300 words, so add at least 77. The course checker counts the answer under \`### Question 15\` as Question 14's, because Question 9 has no \`Answer:\` line.`,
    );
  });
});

// A `### Question 8` right under a `<br>` line is inside that HTML block on the page (it runs to the next empty
// line), but the course checker still cuts the answers there: it grades every answer as its own and passes.
describe('a question heading the page swallows into an HTML block', () => {
  const text = makePassingReport('2025').replace('\n\n### Question 8\n', '\n\n<br>\n### Question 8\n');
  const result = checkReport({ path: 'reports/README.md', content: text, edition: '2025' });
  const heading = lineOf(text, '### Question 8\n');

  it('should predict the pass the checker gives, with no error', () => {
    expect(result.courseChecker.outcome).toBe('pass');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(shown)).toEqual([]);
  });

  it('should say once, at the heading, that it does not show, with the fix that shows it', () => {
    const structural = result.diagnostics.filter((d) =>
      ['question-missing', 'answer-repeated', 'answers-misaligned'].includes(d.ruleId),
    );
    expect(structural.map(shown)).toEqual([
      `${heading} warning Question 8 is missing; its heading on line ${heading} does not show as a heading (the HTML line above it takes it in: put an empty line between them).`,
    ]);
    // The only fix: an empty line above the heading, after which the report has no finding left.
    const fixes = result.diagnostics.flatMap((d) => (d.fix ? [d.fix] : []));
    expect(fixes.map((f) => [f.description, f.edits])).toEqual([
      [
        'Put an empty line above the heading',
        [{ line: heading, column: 1, endLine: heading, endColumn: 1, text: '\n' }],
      ],
    ]);
    const fixed = checkReport({
      path: 'reports/README.md',
      content: applyFixes(text, fixes).text,
      edition: '2025',
    });
    expect(fixed.diagnostics.filter((d) => d.severity !== 'notice').map(shown)).toEqual([]);
  });

  it('should offer no such fix for a quoted heading, which an empty line does not show', () => {
    const quoted = makePassingReport('2025').replace('\n\n### Question 8\n', '\n\n> ### Question 8\n');
    const found = checkReport({
      path: 'reports/README.md',
      content: quoted,
      edition: '2025',
    }).diagnostics.find((d) => d.ruleId === 'question-missing');
    expect(found?.message).toContain('it is quoted, or inside an HTML comment or `<pre>`');
    expect(found?.fix).toBeUndefined();
  });

  it('should read a heading under a one-line HTML comment as the page does: no finding at all', () => {
    const commented = makePassingReport('2025').replace(
      '\n\n### Question 8\n',
      '\n\n<!-- TODO -->\n### Question 8\n',
    );
    const clean = checkReport({ path: 'reports/README.md', content: commented, edition: '2025' });
    expect(clean.diagnostics.filter((d) => d.severity !== 'notice').map(shown)).toEqual([]);
  });

  it('should name the `Answer:` of a hidden copy of a question the page shows, which the checker counts', () => {
    // An old draft of Question 8 left in a comment inside Question 5: the checker counts one answer too many.
    const draft = makePassingReport('2025').replace(
      '\n\n### Question 6\n',
      '\n\n<!--\n### Question 8\n\n> Answer:\n\nan old draft\n-->\n\n### Question 6\n',
    );
    const found = checkReport({ path: 'reports/README.md', content: draft, edition: '2025' });
    expect(found.courseChecker.outcome).toBe('crash');
    const repeated = found.diagnostics.filter((d) => d.ruleId === 'answer-repeated');
    expect(repeated.map((d) => [d.line, d.question])).toEqual([
      [lineOf(draft, '> Answer:\n\nan old draft'), 5],
    ]);
  });
});

// The checker cuts at `###` anywhere, also in `x### Question 5` or `###Question 5`, which the page shows as no
// heading: the answer after it is still graded as Question 5's, where it stands.
describe('a question heading only the checker sees', () => {
  it.each([
    ['glued to text', (t: string) => t.replace('\n### Question 5\n', '\nsee below x### Question 5\n')],
    ['without a space', (t: string) => t.replace('\n### Question 5\n', '\n###Question 5\n')],
  ])('should not call the answers misaligned, nor ask to reword its Answer:, when %s', (_, edit) => {
    const text = edit(makePassingReport('2025'));
    const result = checkReport({ path: 'reports/README.md', content: text, edition: '2025' });
    expect(result.courseChecker.outcome).toBe('pass');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(shown)).toEqual([]);
    expect(
      result.diagnostics.filter((d) => ['answer-repeated', 'answer-outside-question'].includes(d.ruleId)),
    ).toEqual([]);
  });
});
