import fc from 'fast-check';
import { lineStarts } from '../../src/parse/lines.js';

/** The offsets after each `\n`, found the plain way. */
function expectedStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

describe('lineStarts', () => {
  it('should find every line start, in texts of any size one after another', () => {
    // Sizes past the scratch buffer's first size and past what it keeps, then small again.
    const sizes = fc.constantFrom(0, 1, 5, 4095, 4096, 4097, 70_000, 3);
    const text = sizes.chain((lines) =>
      fc.array(fc.constantFrom('', 'a', 'word word', '\r'), { minLength: lines, maxLength: lines }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
        for (const lines of texts) {
          const joined = lines.join('\n');
          expect(lineStarts(joined)).toEqual(expectedStarts(joined));
        }
      }),
      { numRuns: 30 },
    );
  });
});
