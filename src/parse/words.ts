import { hasPythonWord } from './course-checker.js';

/**
 * 1 for each UTF-16 code unit Python's `str.split()` breaks on, 0 for the others: a table over every code unit,
 * so that counting needs no branch per character. It is read off the course checker's own definition
 * ({@link hasPythonWord}) for the code units below U+3001; Python's last whitespace character is U+3000.
 */
const SPACE = new Uint8Array(0x10000);
for (let code = 0; code <= 0x3000; code++) SPACE[code] = hasPythonWord(String.fromCharCode(code)) ? 0 : 1;

/**
 * Python's `len(text[start:end].split())`, the same count as countPythonWords, without cutting the text out.
 * Branch-free: a word starts where a non-space follows a space (or the start), and whether it does is summed
 * as a bit. Prose mixes words and spaces unpredictably, and a branch per character cost this count two thirds
 * of its time in mispredictions.
 */
export function countWordsIn(text: string, start = 0, end = text.length): number {
  let count = 0;
  let previousSpace = 1;
  for (let i = start; i < end; i++) {
    const space = SPACE[text.charCodeAt(i)] as number;
    count += previousSpace & (space ^ 1);
    previousSpace = space;
  }
  return count;
}

/** Whether a word of `text` runs on across `at` (a non-space on either side), which splitting there would cut. */
function wordAcross(text: string, at: number): boolean {
  return SPACE[text.charCodeAt(at - 1)] === 0 && SPACE[text.charCodeAt(at)] === 0;
}

/**
 * {@link countWordsIn} of `text[start, end)`, given `innerWords`, the count of its part `text[innerStart, innerEnd)`:
 * only the text around that part is read. A word that crosses a cut was counted on both sides of it, once too often.
 */
export function countWordsAround(
  text: string,
  start: number,
  end: number,
  innerStart: number,
  innerEnd: number,
  innerWords: number,
): number {
  let count = countWordsIn(text, start, innerStart) + innerWords + countWordsIn(text, innerEnd, end);
  if (start < innerStart && innerStart < end && wordAcross(text, innerStart)) count--;
  if (innerStart < innerEnd && innerEnd < end && wordAcross(text, innerEnd)) count--;
  return count;
}
