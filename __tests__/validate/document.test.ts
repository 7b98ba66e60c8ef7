import { readAsCourseChecker } from '../../src/parse/course-checker.js';
import { parseReport } from '../../src/parse/report.js';
import { builtinConstraints } from '../../src/validate/constraints.js';
import { buildDocument, validateReportDocument } from '../../src/validate/document.js';
import { makeReport, words } from '../support/report.js';

function documentOf(text: string, positional: boolean) {
  return buildDocument(parseReport(text), readAsCourseChecker(text, '2026'), '2026', positional);
}

describe('buildDocument', () => {
  it('should take each answer as the course checker assigns it, placed at its first line', () => {
    const text = makeReport('2026', { 4: words(5) });
    const document = documentOf(text, true);
    expect(document.answerCount).toBe(31);
    const four = document.questions.get(4)!;
    expect(four.entry).toMatchObject({ words: 5, answered: true, placeholder: false });
    expect(text.split('\n')[four.at.line - 1]).toBe(words(5));
  });

  it("should fall back to each question's own section when the checker's reading cannot be trusted", () => {
    const text = makeReport('2026', { 2: words(7) }).replace('### Question 5\n', '### Question 4\n');
    const document = documentOf(text, false);
    expect(document.questions.get(2)?.entry.words).toBe(7);
    expect(document.questions.has(5)).toBe(false);
    expect(document.sections.get(4)?.heading.start.line).toBeLessThan(
      text.indexOf('Question 4\n> **Prompt of question 5'),
    );
  });

  it("should be checked against the edition's ranges", () => {
    const document = documentOf(makeReport('2026', { 4: words(5) }), true);
    const errors = validateReportDocument(builtinConstraints('2026'), document);
    expect(errors.map((error) => error.instancePath)).toContain('/questions/4/words');
  });
});
