/**
 * Python's `str.isspace` for the characters `str.split()` breaks on, 1 for each of them in a table over every
 * UTF-16 code unit (Python's last whitespace character is U+3000). JavaScript's `\s` differs: it includes U+FEFF
 * and excludes U+001C–U+001F and U+0085, so the set is spelled out. A table, so that counting needs no branch per
 * character.
 */
const SPACE = new Uint8Array(0x10000);
for (const code of [0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
  SPACE[code] = 1;
SPACE.fill(1, 0x09, 0x0e);
SPACE.fill(1, 0x2000, 0x200b);

/** Whether the UTF-16 code unit `code` is whitespace to Python's `str.split()`. */
export function isPythonSpace(code: number): boolean {
  return SPACE[code] === 1;
}

/** Whether Python's `text.split()` has any word: `countPythonWords(text) > 0` without counting them all. */
export function hasPythonWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SPACE[text.charCodeAt(i)] === 0) return true;
  return false;
}

/** Python's `len(text.split())`: the number of places where a word starts, with no string made. */
export function countPythonWords(text: string): number {
  return countWordsIn(text);
}

/**
 * A word as Python's `str.split()` sees it, with the whitespace after it: a run of anything but its whitespace
 * (the same set as {@link SPACE}), then a run of that whitespace. No `u` flag: the classes are over UTF-16 code
 * units, as the table is. The two classes do not overlap, so a match never backtracks.
 */
const WORD_AND_SPACE =
  // eslint-disable-next-line no-control-regex
  /[^\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/g;

/**
 * Characters {@link countWordsIn} still hands to {@link countWordsMatched} before it counts with the loop. Until V8
 * has compiled the loop it runs in the interpreter at about 70 ns a character (the first report's 70,000 counted
 * characters took 4 ms of a cold CLI check on Node 20), while the pattern runs natively from its first call at
 * about 15 ns; once compiled, the loop is three times as fast as the pattern (0.08 against 0.25 ms a report). So
 * a process's first 256 Ki characters (a few reports, all of a one-report CLI run) are counted by the pattern.
 */
let matchedBudget = 256 * 1024;

/**
 * Python's `len(text[start:end].split())`, the same count as countPythonWords, without cutting the text out
 * (but while the loop is cold, see {@link matchedBudget}).
 */
export function countWordsIn(text: string, start = 0, end = text.length): number {
  if (end - start <= matchedBudget) {
    matchedBudget -= end - start;
    return countWordsMatched(text, start, end);
  }
  return countWordsScanned(text, start, end);
}

/**
 * {@link countWordsIn} by the native pattern {@link WORD_AND_SPACE}: each word and the whitespace after it become
 * one `a`, which leaves the whitespace before the first word and then one `a` a word. A replace builds one string;
 * `match` built one for every word, and the array of them (a fifth slower cold, and all of it garbage).
 */
export function countWordsMatched(text: string, start = 0, end = text.length): number {
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const words = part.replace(WORD_AND_SPACE, 'a');
  const first = words.indexOf('a');
  return first === -1 ? 0 : words.length - first;
}

/**
 * {@link countWordsIn} by a loop over the characters. Branch-free: a word starts where a non-space follows a
 * space (or the start), and whether it does is summed as a bit. Prose mixes words and spaces unpredictably, and
 * a branch per character cost this count two thirds of its time in mispredictions.
 */
export function countWordsScanned(text: string, start = 0, end = text.length): number {
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
export function wordAcross(text: string, at: number): boolean {
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
