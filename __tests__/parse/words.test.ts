import fc from 'fast-check';
import {
  countWordsAround,
  countWordsIn,
  countWordsMatched,
  countWordsScanned,
} from '../../src/parse/words.js';
import { PYTHON_SPACES, pythonSplit, wordPieces } from '../support/python-split.js';

// The reference: Python's split on Python's own list of its whitespace (test support), not the table counted here.
const pythonWords = (text: string) => pythonSplit(text).length;

// countWordsIn counts with the pattern while the loop is cold, then with the loop: each must count as Python does.
describe.each([
  ['countWordsIn', countWordsIn],
  ['countWordsMatched', countWordsMatched],
  ['countWordsScanned', countWordsScanned],
])('%s', (_name, countWordsIn) => {
  it("should break words on exactly the code units Python's str.isspace() holds, and on no other", () => {
    const breaking: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (countWordsIn(`a${String.fromCharCode(code)}b`) === 2) breaking.push(code);
    }
    expect(breaking).toEqual(PYTHON_SPACES);
  });

  it('should count a range of the text as Python splits that range cut out', () => {
    fc.assert(
      fc.property(fc.array(wordPieces(), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        const start = x % (text.length + 1);
        const end = start + (y % (text.length - start + 1));
        expect(countWordsIn(text, start, end)).toBe(pythonWords(text.slice(start, end)));
      }),
    );
  });

  it('should count the whole text by default', () => {
    expect(countWordsIn(' two\u00a0words ')).toBe(2);
    expect(countWordsIn('')).toBe(0);
  });
});

describe('countWordsAround', () => {
  it('should count a range from the count of a part of it, as Python splits the range', () => {
    fc.assert(
      fc.property(
        fc.array(wordPieces(), { maxLength: 30 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (parts, cuts) => {
          const text = parts.join('');
          const [start, innerStart, innerEnd, end] = cuts
            .map((cut) => cut % (text.length + 1))
            .sort((x, y) => x - y) as [number, number, number, number];
          const inner = countWordsIn(text, innerStart, innerEnd);
          expect(countWordsAround(text, start, end, innerStart, innerEnd, inner)).toBe(
            pythonWords(text.slice(start, end)),
          );
        },
      ),
    );
  });
});
