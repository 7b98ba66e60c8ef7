// questionNumber reads a heading's `Question N` by character codes: held to the pattern it replaced.
import fc from 'fast-check';
import { questionNumber } from '../../src/parse/skeleton.js';

const QUESTION_HEADING = /^\s*question\s+(\d+)/i;

describe('questionNumber', () => {
  it('should read the number the pattern reads', () => {
    const piece = fc.constantFrom(
      ...[
        'question',
        'Question',
        'QUESTION',
        'qUeStIoN',
        'questio',
        'questions',
        'que\u017Ftion',
        'quest\u0131on',
      ],
      ...[' ', '  ', '\t', '\u00a0', '\u2003', '\v', '\u2028', '\ufeff', '\u200b', '\u180e'],
      ...['1', '7', '12', '007', '\u0661', '１', 'a', ':', '#', 'x'],
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
        (text) => {
          const match = QUESTION_HEADING.exec(text);
          expect(questionNumber(text)).toBe(match ? Number(match[1]) : null);
        },
      ),
      { numRuns: 10_000, seed: 12 },
    );
  });

  it('should read the template headings', () => {
    expect(questionNumber('Question 12')).toBe(12);
    expect(questionNumber('question  7: extra')).toBe(7);
    expect(questionNumber('Questions 7')).toBeNull();
    expect(questionNumber('Question')).toBeNull();
  });
});
