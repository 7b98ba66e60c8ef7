import { formatTextQuestions } from '../../src/output/text-questions.js';
import { sampleQuestion, sampleResult } from './sample-results.js';

const plain = { color: false };

describe('formatTextQuestions', () => {
  const result = sampleResult({
    questions: [
      sampleQuestion({ number: 1, words: 3, images: 0, wordRange: null, imageRange: null, status: 'ok' }),
      sampleQuestion(),
      sampleQuestion({
        number: 15,
        words: 236,
        images: 0,
        wordRange: { min: 100, max: 200 },
        status: 'fail',
      }),
      sampleQuestion({ number: 16, words: 0, images: 0, answered: false, status: 'unanswered' }),
      sampleQuestion({ number: 17, imageRange: { min: 1, max: 1 }, status: 'missing' }),
    ],
  });

  it('should print one aligned line per question: number, words/range, images/range and status', () => {
    expect(formatTextQuestions(result, plain).split('\n').slice(0, 7)).toEqual([
      'reports/README.md',
      '  question  words            images    status',
      '         1  3/any            0/any     ok',
      '        14  187/200–300 -13  1/1–3     out of range',
      '        15  236/100–200 +36  0/1–3 -1  out of range',
      '        16  0/200–300 -200   0/1–3 -1  unanswered',
      '        17  —/200–300        —/1       missing',
    ]);
  });

  it('should leave the findings out and end with the report summary line', () => {
    const text = formatTextQuestions(result, plain);
    expect(text).not.toContain('[word-count]');
    expect(text.endsWith('course checker: fail on 14 (words -13)\n')).toBe(true);
  });

  it('should say how many extra questions it leaves out, before the summary line', () => {
    const lines = formatTextQuestions({ ...result, questionsOmitted: 1 }, plain)
      .trimEnd()
      .split('\n');
    expect(lines.at(-2)).toBe(
      '  1 more question not in the template is not listed here (see the `question-unknown` findings).',
    );
  });

  it('should say so when the report has no questions', () => {
    expect(formatTextQuestions(sampleResult({ questions: [] }), plain)).toContain('\n  no questions found\n');
  });

  it('should colour the status only when asked', () => {
    expect(formatTextQuestions(result, { color: true })).toContain('\u001b[31mout of range\u001b[0m');
    expect(formatTextQuestions(result, plain)).not.toContain('\u001b[');
  });
});
