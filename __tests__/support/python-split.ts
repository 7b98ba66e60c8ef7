import fc from 'fast-check';

/**
 * Python's `str.isspace()` code points, as Python 3.11 prints them:
 * `python3 -c "print([hex(c) for c in range(0x110000) if chr(c).isspace()])"`. Written out here, apart from the
 * table src/parse/words.ts counts with, so that the tests hold that table to Python and not to another copy of it.
 */
export const PYTHON_SPACES: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];

const SPACE_RUN = new RegExp(
  `[${PYTHON_SPACES.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]+`,
);

/** Python's `text.split()`: the words between runs of whitespace. */
export function pythonSplit(text: string): string[] {
  return text.split(SPACE_RUN).filter((word) => word !== '');
}

/** Words, Python's spaces and near misses (U+200B is no space to Python), for texts generated from pieces. */
export const wordPieces = () =>
  fc.constantFrom(
    'a',
    'word',
    '\u00e9',
    '\u{1f600}',
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\t',
    '\u3000',
    '\u200b',
    '\u0085',
  );
