import { checkReport } from '../../src/check.js';
import { makePassingReport, makeReport, words } from '../support/report.js';

/** The findings about one question as the student reads them in the CLI's text output. */
function about(text: string, question: number, strict = false): string[] {
  const result = checkReport({
    path: 'reports/README.md',
    content: text,
    files: ['reports/figures/shot.png'],
    strict,
  });
  return result.diagnostics
    .filter((d) => d.question === question)
    .map((d) => `${d.line} ${d.severity} ${d.message} [${d.ruleId}]`);
}

function lineOf(text: string, needle: string, after = ''): number {
  return text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;
}

describe('the gate: an answer the course checker fails is never a pass', () => {
  it('should count an appendix after the last question as part of its answer, as the course checker does', () => {
    const text = `${makeReport('2026', { 31: words(20) })}## Appendix\n\n${words(300)}\n`;
    const line = lineOf(text, 'word0', '### Question 31');
    for (const strict of [false, true]) {
      expect(about(text, 31, strict)).toEqual([
        `${line} error Question 31 has 322 words; it needs 50–300 words, so cut at least 22. [word-count]`,
      ]);
    }
  });

  it('should not call a question unanswered when its answer stands under a heading after the placeholder', () => {
    const text = makePassingReport('2026').replace(
      /(### Question 28\n(?:>.*\n)*\n)[^\n]*\n/,
      `$1--- question 28 fill here ---\n\n### Frontend\n\n${words(30)}\n`,
    );
    const line = lineOf(text, '--- question 28');
    const findings = about(text, 28, true);
    expect(findings.some((f) => f.includes('[unanswered]'))).toBe(false);
    expect(findings).toContain(
      `${line} warning Question 28 still has the template's "--- question 28 fill here ---" line; remove it (the course checker counts its 6 words). [placeholder-left]`,
    );
  });

  it.each(['## Our setup', '### Our setup', '  ## Our setup ##'])(
    'should fail, not call unanswered, an answer written under a heading of its own (%s)',
    (heading) => {
      // The checker cuts Question 4's answer at the heading and counts 0 words: grading fails it.
      const text = makePassingReport('2026').replace(
        /(### Question 4\n(?:>.*\n)*\n)[^\n]*\n/,
        `$1${heading}\n\n${words(120)}\n`,
      );
      const line = lineOf(text, heading);
      for (const strict of [false, true]) {
        expect(about(text, 4, strict)).toEqual([
          `${line} error Question 4 has 0 words; it needs 100–200 words, so add at least 100. [word-count]`,
          `${line} warning The course checker stops reading Question 4's answer at the heading on line ${line}, so the text under it is not counted; write the heading as bold text (**like this**) instead. [answer-cut]`,
        ]);
      }
    },
  );

  it('should leave a question with nothing under its own heading unanswered, and a section intro alone', () => {
    // Only the template's quoted intro under the group heading: Question 4 is simply not answered yet.
    const text = makeReport('2026', {}).replace(
      '### Question 5\n',
      '## Working in the cloud\n\n> In the following section we would like to know more.\n\n### Question 5\n',
    );
    expect(about(text, 4).map((f) => f.replace(/^\d+ /, ''))).toEqual([
      'notice Question 4 is not answered yet: replace the placeholder with your answer (100–200 words). [unanswered]',
    ]);
  });

  it("should take unquoted text under one of the template's headings for its intro, after an answer", () => {
    const text = makePassingReport('2026').replace(
      '### Question 5\n',
      '## Coding environment\n\nIn the following section we are interested in your environment.\n\n### Question 5\n',
    );
    expect(about(text, 4)).toEqual([]);
  });

  it("should say which text the checker grades as a question's when the answers are shifted", () => {
    // Question 10 lost its `Answer:` line and a section with one was added after Question 12: the checker grades
    // Question 11's text as Question 10's and Question 12's, cut at its `#### Note`, as Question 11's.
    const text = makePassingReport('2026')
      .replace(/(### Question 10\n> \*\*Prompt of question 10\?\*\*\n>\n)> Answer:\n/, '$1')
      .replace(/(### Question 12\n(?:>.*\n)*\n)/, '$1#### Note\n\n')
      .replace('### Question 13\n', `### Extra\n\n> Answer:\n\n${words(60)}\n\n### Question 13\n`);
    const line = lineOf(text, '#### Note');
    const findings = about(text, 11, true);
    expect(findings.some((f) => f.includes('[unanswered]'))).toBe(false);
    expect(findings).toContain(
      `${line} error Question 11 has 0 words; it needs 200–300 words, so add at least 200. The course checker counts the answer under \`### Question 12\` as Question 11's, because Question 10 has no \`Answer:\` line. [word-count]`,
    );
  });
});
