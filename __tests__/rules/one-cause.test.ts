import { checkReport } from '../../src/check.js';
import { makePassingReport, words } from '../support/report.js';

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

function lineOf(text: string, needle: string, after = ''): number {
  return text.slice(0, text.indexOf(needle, text.indexOf(after))).split('\n').length;
}

/** Replaces Question `n`'s answer (the text between its `> Answer:` line and the next heading). */
function withAnswer(text: string, n: number, answer: string): string {
  return text.replace(
    new RegExp(`(### Question ${n}\\n(?:>.*\\n)*\\n)[\\s\\S]*?\\n\\n(?=### )`),
    `$1${answer}\n\n`,
  );
}

describe('one cause, one finding', () => {
  it('should report a deleted "Answer:" line once, saying that the course checker crashes', () => {
    const text = makePassingReport('2024').replace(
      '### Question 26\n> **Prompt of question 26?**\n>\n> Answer:\n',
      '### Question 26\n> **Prompt of question 26?**\n',
    );
    const line = lineOf(text, '### Question 26');
    for (const strict of [false, true]) {
      expect(shown(text, strict)).toEqual([
        `${line} error Question 26 has no "Answer:" line, so the course checker crashes (it finds 26 answers, not 27); put back "> Answer:" under the question. [answer-missing]`,
      ]);
    }
  });

  it('should not call a question whose prompt the group replaced by its answer unanswered', () => {
    const text = makePassingReport('2024').replace('> **Prompt of question 26?**\n>\n> Answer:\n', '');
    const about26 = shown(text, true).filter((line) => line.includes('Question 26'));
    expect(about26).toHaveLength(1);
    expect(about26[0]).toContain('[answer-missing]');
  });

  it("should count the template's --- markers in the word count and give advice that holds once they are removed", () => {
    const before = withAnswer(makePassingReport('2024'), 3, `--- ${words(79)} ---`);
    const line = lineOf(before, '--- word0');
    // One finding at the line: the markers are named in the word count, not in a second finding.
    expect(shown(before).filter((l) => l.startsWith(`${line} `))).toEqual([
      `${line} error Question 3 has 81 words (2 of them the template's \`---\` markers, which you should remove): it needs 100–200, so add at least 21. [word-count]`,
    ]);
    const after = withAnswer(before, 3, words(79));
    expect(shown(after)).toEqual([
      `${line} error Question 3 has 79 words; it needs 100–200 words, so add at least 21. [word-count]`,
    ]);
  });

  it('should warn when removing the markers would take an answer below its range', () => {
    const text = withAnswer(makePassingReport('2024'), 3, `--- ${words(99)} ---`);
    const line = lineOf(text, '--- word0');
    expect(shown(text)).toEqual([
      `${line} warning Line ${line} still has the template's "---" markers around Question 3's answer; remove them, they show in the rendered report (then Question 3 has 99 words and needs 100–200: add at least 1). [template-marker]`,
    ]);
  });

  it('should name the images in code and HTML comments that the checker counts but the page does not show', () => {
    const answer =
      '![shot](figures/shot.png)\n\n```text\n![a](figures/a.png)\n```\n\n<!-- ![b](figures/b.png) -->';
    const text = withAnswer(makePassingReport('2026'), 19, answer);
    const at = lineOf(text, '![shot]', '### Question 19');
    expect(shown(text)).toEqual([
      `${at} error Question 19 has 3 images (2 of them in code or an HTML comment, which the page does not show: lines ${at + 3} and ${at + 6}); it needs 1–2 images, so remove at least 1. [image-count]`,
    ]);
  });

  it('should tell a fence closed only by a fence as long as its opener, and inline code', () => {
    // `~~~` does not close `~~~~`: the image after it is still in code; the last one is in inline code.
    const answer =
      '![shot](figures/shot.png)\n\n~~~~\n![a](figures/a.png)\n~~~\n![b](figures/b.png)\n~~~~\n\n`![c](figures/c.png)`';
    const text = withAnswer(makePassingReport('2026'), 19, answer);
    const at = lineOf(text, '![shot]', '### Question 19');
    expect(shown(text)).toEqual([
      `${at} error Question 19 has 4 images (3 of them in code or inline code, which the page does not show: lines ${at + 3}, ${at + 5} and ${at + 8}); it needs 1–2 images, so remove at least 2. [image-count]`,
    ]);
  });
});
