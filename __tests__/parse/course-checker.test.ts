import { countPythonImages, normaliseNewlines, readAsCourseChecker } from '../../src/parse/course-checker.js';
import fc from 'fast-check';
import type { Edition } from '../../src/result.js';
import { countPythonWords } from '../../src/parse/words.js';
import { pythonAnswers } from '../support/differential.js';
import { PYTHON_SPACES, pythonSplit, wordPieces } from '../support/python-split.js';
import { makeReport, words } from '../support/report.js';

describe('countPythonWords', () => {
  it('should split on the whitespace Python splits on, including NBSP and the separator controls', () => {
    expect(countPythonWords('a\u00a0b\u001cc\u0085d  e\n\tf')).toBe(6);
  });

  it('should not split on a zero-width space or a byte-order mark, as Python does not', () => {
    expect(countPythonWords('a\u200bb \ufeffc')).toBe(2);
  });

  it('should count the untouched placeholder as six words', () => {
    expect(countPythonWords('--- question 3 fill here ---')).toBe(6);
  });

  it("should break words on exactly the code units Python's str.isspace() holds, and on no other", () => {
    const breaking: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (countPythonWords(`a${String.fromCharCode(code)}b`) === 2) breaking.push(code);
    }
    expect(breaking).toEqual(PYTHON_SPACES);
  });

  it("should count as Python's split() does for any mix of words, spaces and line ends", () => {
    fc.assert(
      fc.property(fc.array(wordPieces(), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countPythonWords(text)).toBe(pythonSplit(text).length);
      }),
    );
  });
});

describe('the test support pythonSplit', () => {
  const spaces = PYTHON_SPACES.map((code) => String.fromCharCode(code));

  it('should give the words Python gives, none empty, at either end or in between', () => {
    expect(pythonSplit(' a\u00a0 b\u001cc\ufeffd\u200b ')).toEqual(['a', 'b', 'c\ufeffd\u200b']);
    expect(pythonSplit('')).toEqual([]);
    expect(pythonSplit(' \u3000\n')).toEqual([]);
  });

  it('should cut text exactly where the word count counts words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...spaces, 'a', 'bc', '\ufeff', '-'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          const split = pythonSplit(text);
          expect(split).toHaveLength(countPythonWords(text));
          expect(split.every((word) => word !== '' && ![...word].some((c) => spaces.includes(c)))).toBe(true);
          expect(split.join('')).toBe([...text].filter((c) => !spaces.includes(c)).join(''));
        },
      ),
      { numRuns: 2000, seed: 20261202 },
    );
  });
});

describe('countPythonImages', () => {
  it('should count image links but not across a line end', () => {
    expect(countPythonImages('![a](x.png) ![b](y.png)\n![c\n](z.png)')).toBe(2);
  });

  it('should not count HTML images', () => {
    expect(countPythonImages('<img src="x.png">')).toBe(0);
  });
});

describe('readAsCourseChecker', () => {
  it('should cut a 2026 template into its 31 answers with the placeholder counted as words', () => {
    const reading = readAsCourseChecker(makeReport('2026'), '2026');
    expect(reading.crash).toBeNull();
    expect(reading.answers).toHaveLength(31);
    expect(reading.answers[2]?.words).toBe(6);
  });

  it('should cut a 2024 template into its 27 answers after dropping the front matter', () => {
    const reading = readAsCourseChecker(makeReport('2024', { 4: words(150) }), '2024');
    expect(reading.crash).toBeNull();
    expect(reading.answers).toHaveLength(27);
    expect(reading.answers[3]?.words).toBe(150);
  });

  it("should crash with the checker's ValueError when an Answer: line is missing", () => {
    const text = makeReport('2024').replace(
      '### Question 5\n> **Prompt of question 5?**\n>\n> Answer:',
      '### Question 5\n',
    );
    expect(readAsCourseChecker(text, '2024').crash).toBe(
      'ValueError: Number of answers are different from the expected 27. Have you filled out every field?',
    );
  });

  it('should count one answer too many when a heading follows the last answer', () => {
    const text = `${makeReport('2026')}### Use of generative AI\n\nWe used none.\n`;
    const reading = readAsCourseChecker(text, '2026');
    expect(reading.answers).toHaveLength(32);
    expect(reading.crash).toMatch(/expected 31/);
  });

  it('should crash with IndexError when a 2025 report has no Answer: at all', () => {
    expect(readAsCourseChecker('# nothing here', '2025').crash).toBe('IndexError: list index out of range');
  });

  it('should stop an answer at a ## inside it, as the checker cuts there', () => {
    const text = makeReport('2026', { 4: `${words(10)}\n## install\n${words(50)}` });
    expect(readAsCourseChecker(text, '2026').answers[3]?.words).toBe(10);
  });

  it('should report offsets that point at the answer text', () => {
    const text = makeReport('2026', { 7: 'seven words are in this answer here' });
    const answer = readAsCourseChecker(text, '2026').answers[6];
    expect(answer && text.slice(answer.start, answer.end).trim()).toBe('seven words are in this answer here');
  });

  it("should cut, count and place every answer as the checker's own code does, for any mix of its separators", () => {
    const pieces = fc.constantFrom(
      'Answer:',
      '> Answer:',
      '###',
      '##',
      '#',
      '### Question 2\n',
      '\n',
      '\n\n',
      ' ',
      'word',
      'two words',
      '\u00a0',
      '![a](b.png)',
      '![',
      '](',
      ')',
      'é',
      '😀',
      '--- question 3 fill here ---',
      'Answer',
      ':',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }),
        fc.constantFrom<Edition>('2023', '2024', '2025', '2026'),
        (parts, edition) => {
          const text = parts.join('');
          const { answers, crash } = readAsCourseChecker(text, edition);
          // Python's `perQuestion[-1]` of an empty list raises; the reference's JavaScript gives ''.
          if (crash?.startsWith('IndexError')) {
            expect([edition, text.includes('Answer:')]).toEqual([expect.stringMatching(/2025|2026/), false]);
            return;
          }
          const expected = pythonAnswers(text, edition);
          expect(answers.map((answer) => answer.text)).toEqual(expected);
          for (const answer of answers) {
            expect(text.slice(answer.end - answer.text.length, answer.end)).toBe(answer.text);
            expect(answer.words).toBe(pythonSplit(answer.text).length);
            expect(answer.images).toBe(countPythonImages(answer.text));
          }
        },
      ),
      { numRuns: 3000, seed: 20261203 },
    );
  });
});

describe('normaliseNewlines', () => {
  it('should turn CRLF and lone CR into LF like Python universal newlines', () => {
    expect(normaliseNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('should end one line per CRLF and one per lone CR, however they run together', () => {
    // A lone CR before a CRLF is two line ends; a CRLF's LF is never shared with a CR before it.
    expect(normaliseNewlines('a\r\r\nb\r\n\rc\r\r')).toBe('a\n\nb\n\nc\n\n');
    // As Python's universal newlines split: every line end, one LF each.
    fc.assert(
      fc.property(fc.array(fc.constantFrom('\r', '\n', '\r\n', 'a'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(normaliseNewlines(text)).toBe(text.split(/\r\n|\r|\n/).join('\n'));
      }),
    );
  });
});

describe('countPythonImages on adversarial text', () => {
  it('should count as Python\'s re.findall(r"!\\[.*?\\]\\(.*?\\)") does', () => {
    const chars = ['!', '[', ']', '(', ')', '\n', 'a', '![', ']('];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(countPythonImages(text)).toBe(text.match(/!\[[^\n]*?\]\([^\n]*?\)/g)?.length ?? 0);
      }),
      { numRuns: 5_000, seed: 8 },
    );
  });

  it('should count 1 MiB of "![" (none) and of "![a](b)" (all) without backtracking', () => {
    expect(countPythonImages('!['.repeat(512 * 1024))).toBe(0);
    expect(countPythonImages('![a]('.repeat(200_000))).toBe(0);
    expect(countPythonImages('![a](b)'.repeat(150_000))).toBe(150_000);
  }, 60_000);

  it('should cut 100,000 answers with no heading after them in one pass', () => {
    const text = `${'Answer:'.repeat(100_000)}`;
    expect(readAsCourseChecker(text, '2026').answers.length).toBe(1);
  }, 60_000);
});
