// withoutFences replaces a pattern that backtracked quadratically on a run of backticks with no newline after it;
// on any text small enough for the pattern it must give the same result.
import fc from 'fast-check';
import { withoutFences } from '../../src/parse/fence-code.js';

const OLD_PATTERN = /^[ \t>]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t>]*\1[ \t]*$|(?![\s\S]))/gm;

describe('withoutFences', () => {
  it('should cut fenced code as the pattern it replaces did', () => {
    const parts = fc.constantFrom(
      '```',
      '~~~',
      '````',
      '`',
      '~',
      '\n',
      '\u2028',
      '\u2029',
      ' ',
      '\t',
      '>',
      'a',
      'x y',
      '```py',
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 40 }), (list) => {
        const text = list.join('');
        expect(withoutFences(text)).toBe(text.replace(OLD_PATTERN, ' '));
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });

  it('should keep the text after a closed fence and drop an unclosed one to the end', () => {
    expect(withoutFences('a\n```py\ncode\n```\nb')).toBe('a\n \nb');
    expect(withoutFences('a\n~~~\ncode\n```\nb')).toBe('a\n ');
  });

  it('should read a 1 MiB run of backticks with no newline after it', () => {
    const text = `a\n${'`'.repeat(1024 * 1024)}`;
    expect(withoutFences(text)).toBe(text);
  });
});
