// The linear scanners against the regular expressions they replace (kept here as the reference): the same answer on
// generated text of the characters those patterns care about, and an answer on 1 MiB inputs the patterns took
// minutes on (a quadratic scanner would not finish within the test's time).
import fc from 'fast-check';
import {
  atxHeading,
  findHtmlImages,
  isMarkerLine,
  withoutImages,
  withoutTags,
} from '../../src/parse/linear-scan.js';

const MIB = 1024 * 1024;
const SLOW = 60_000;

const ATX = /^[ \t]{0,3}(?:>[ \t]?)*(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const MARKER_LINE = /^[\s>]*---+\s*\S.*$|^.*\S\s*---+\s*$/;
const HTML_IMG = /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)[^>]*>/gi;

/** Strings over the characters a pattern reacts to, plus letters. */
const textOf = (chars: string[], maxLength = 40) =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((parts) => parts.join(''));

describe('atxHeading', () => {
  it('should read a heading line as the ATX pattern does', () => {
    fc.assert(
      fc.property(textOf(['#', ' ', '\t', '>', 'a', '\u2028', '\r', 'x#']), (line) => {
        const m = ATX.exec(line);
        expect(atxHeading(line)).toEqual(m ? { depth: m[1]?.length, text: m[2] ?? '' } : null);
      }),
      { numRuns: 5_000, seed: 8 },
    );
  });

  it('should read the headings the template uses', () => {
    expect(atxHeading('### Question 7')).toEqual({ depth: 3, text: 'Question 7' });
    expect(atxHeading('> ## Group 96 ##  ')).toEqual({ depth: 2, text: 'Group 96' });
    expect(atxHeading('#hashtag')).toBeNull();
    expect(atxHeading('####### seven')).toBeNull();
  });

  it(
    'should answer on a 1 MiB line of spaces ending in U+2028',
    () => {
      expect(atxHeading(`#${' '.repeat(MIB - 4)}\u2028`)).toBeNull();
      expect(atxHeading(`# a${' '.repeat(MIB - 8)}###\u2028`)).toBeNull();
      expect(atxHeading(`# a${' '.repeat(MIB - 8)}###`)).toEqual({ depth: 1, text: 'a' });
    },
    SLOW,
  );
});

describe('isMarkerLine', () => {
  it('should decide as the template-marker pattern does', () => {
    fc.assert(
      fc.property(textOf(['-', '---', ' ', '\t', '>', 'a', '\u2028', '\r']), (line) => {
        expect(isMarkerLine(line)).toBe(MARKER_LINE.test(line));
      }),
      { numRuns: 5_000, seed: 8 },
    );
  });

  it(
    'should answer on 1 MiB of dashes between letters and of spaced dashes',
    () => {
      expect(isMarkerLine(`a${'-'.repeat(MIB)}b`)).toBe(false);
      expect(isMarkerLine(`a${' -'.repeat(MIB / 2)}b`)).toBe(false);
      expect(isMarkerLine(`--- ${'a '.repeat(MIB / 2)}`)).toBe(true);
    },
    SLOW,
  );
});

describe('withoutImages and withoutTags', () => {
  it('should replace what the image and tag patterns replace', () => {
    fc.assert(
      fc.property(textOf(['!', '[', ']', '(', ')', '<', '>', '\n', 'a', '![', ']('], 60), (text) => {
        expect(withoutImages(text)).toBe(text.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, ' '));
        expect(withoutTags(text)).toBe(text.replace(/<[^>\n]+>/g, ' '));
      }),
      { numRuns: 5_000, seed: 8 },
    );
  });

  it(
    'should answer on 1 MiB of "![", "![a](" and "<a"',
    () => {
      expect(withoutImages('!['.repeat(MIB / 2))).toBe('!['.repeat(MIB / 2));
      expect(withoutImages(`${'![a]('.repeat(MIB / 5)})`)).toBe(' ');
      expect(withoutTags('<a'.repeat(MIB / 2))).toBe('<a'.repeat(MIB / 2));
      expect(withoutTags(`${'<a'.repeat(MIB / 2)}>`)).toBe(' ');
    },
    SLOW,
  );
});

describe('findHtmlImages', () => {
  it('should find the tags and sources the <img> pattern finds', () => {
    fc.assert(
      fc.property(
        textOf(['<img', '<IMG', ' ', 'src', 'SRC', '=', '"', "'", '>', 'a', '-', '\n', 'x'], 30),
        (html) => {
          const want = [...html.matchAll(HTML_IMG)].map((m) => ({
            index: m.index,
            length: m[0].length,
            src: m[1],
          }));
          expect(findHtmlImages(html)).toEqual(want);
        },
      ),
      { numRuns: 5_000, seed: 8 },
    );
  });

  it(
    'should answer on 1 MiB of "<img" with one ">" at the end, and of "<img src=a "',
    () => {
      expect(findHtmlImages(`${'<img'.repeat(MIB / 4)}>`)).toEqual([]);
      const tags = findHtmlImages(`${'<img src=a '.repeat(MIB / 11)}>`);
      expect(tags).toEqual([{ index: 0, length: 11 * Math.floor(MIB / 11) + 1, src: 'a' }]);
    },
    SLOW,
  );
});
