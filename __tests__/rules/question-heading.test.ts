import { checkReport } from '../../src/check.js';
import { makePassingReport } from '../support/report.js';

/** The findings as the student reads them in the CLI's text output: line, severity, message, rule. */
function shown(text: string, strict = false): string[] {
  const result = checkReport({
    path: 'reports/README.md',
    content: text,
    files: ['reports/figures/shot.png'],
    strict,
  });
  return result.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message} [${d.ruleId}]`);
}

const REPORT = makePassingReport('2026');
const LINE = REPORT.split('\n').indexOf('### Question 20') + 1;

function withHeading(heading: string): string {
  return REPORT.replace('### Question 20\n', `${heading}\n`);
}

const POSITION =
  'so the course checker grades the "Answer:" under it as Question 20\'s only by its position (it reads no headings), and the page shows no Question 20; make it "### Question 20" as in the template.';
const DROPS =
  'so the course checker, which keeps an answer only when a "###" follows it, drops the answer above this line and crashes (it finds 30 answers, not 31); make it "### Question 20" as in the template.';

describe('a changed question heading: one finding at its line', () => {
  // The course checker passes each of these (it reads no headings): one warning, no missing question.
  it.each(['### Q20', '### Question20', '### Questions 20', '### **Question 20**', '#### Q20'])(
    'should report %s once, saying the checker grades its answer only by position',
    (heading) => {
      for (const strict of [false, true]) {
        expect(shown(withHeading(heading), strict)).toEqual([
          `${LINE} warning This heading stands where "### Question 20" should be, ${POSITION} [question-heading]`,
        ]);
      }
    },
  );

  it('should say that a level-2 question heading makes the checker drop the answer above it and crash', () => {
    expect(shown(withHeading('## Question 20'))).toEqual([
      `${LINE} error This heading has 2 "#" instead of 3, ${DROPS} [question-heading]`,
    ]);
    expect(shown(withHeading('# Question 20'))).toEqual([
      `${LINE} error This heading has 1 "#" instead of 3, ${DROPS} [question-heading]`,
    ]);
  });

  it.each(['## Q20', 'Question 20\n', '**Question 20**\n'])(
    'should report %s once, at its line, as the cause of the crash',
    (heading) => {
      const what = heading.startsWith('#') ? 'heading' : 'line';
      expect(shown(withHeading(heading), true)).toEqual([
        `${LINE} error This ${what} stands where "### Question 20" should be, ${DROPS} [question-heading]`,
      ]);
    },
  );

  it("should still fail the renamed question's answer where the course checker fails it", () => {
    const text = withHeading('### Q20').replace(
      /(### Q20[\s\S]*?)!\[shot\]\(figures\/shot\.png\)/,
      '$1We show no image.',
    );
    const about20 = shown(text).filter((line) => line.includes('Question 20'));
    expect(about20).toEqual([
      `${LINE} warning This heading stands where "### Question 20" should be, ${POSITION} [question-heading]`,
      `${LINE + 5} error Question 20 has no images; it needs 1–2 images, so add at least 1 as ![caption](figures/name.png). [image-count]`,
    ]);
  });

  it('should keep the template heading written in lower case a question, with nothing to report', () => {
    expect(shown(withHeading('### question 20'))).toEqual([]);
    expect(shown(withHeading('#### Question 20'))).toEqual([]);
  });
});

describe('questions renumbered or swapped: one finding', () => {
  it('should report a question renumbered to the next one once, at its heading, not as missing and duplicated', () => {
    expect(shown(withHeading('### Question 21'))).toEqual([
      `${LINE} warning This heading stands where "### Question 20" should be, ${POSITION} [question-heading]`,
    ]);
  });

  it('should report two swapped questions once, at the first misplaced answer, naming the move', () => {
    const at21 = REPORT.indexOf('### Question 21\n');
    const at22 = REPORT.indexOf('### Question 22\n');
    const at20 = REPORT.indexOf('### Question 20\n');
    const text =
      REPORT.slice(0, at20) + REPORT.slice(at21, at22) + REPORT.slice(at20, at21) + REPORT.slice(at22);
    const moved = text.split('\n').indexOf('### Question 20') + 1;
    expect(shown(text)).toEqual([
      `${LINE + 3} error The course checker grades this answer (under \`### Question 21\`) as Question 20's, because \`### Question 20\` comes after this answer (line ${moved}) and it matches answers by position, not by heading; restore the template's questions and "Answer:" lines so each answer is under its own question. [answers-misaligned]`,
    ]);
  });
});

describe('a heading between a question and its "Answer:"', () => {
  it('should report the prompt made a heading once, at its line, not as a missing and a misplaced answer', () => {
    const text = REPORT.replace('> **Prompt of question 20?**\n', '### Prompt of question 20?\n');
    expect(shown(text)).toEqual([
      `${LINE + 1} warning This heading ends Question 20 before its "Answer:", so the course checker grades the "Answer:" under it as Question 20's only by its position (it reads no headings), and the page shows Question 20 without its answer; quote it ("> …") as the template quotes the prompt, or remove it. [question-heading]`,
    ]);
  });
});
