import type { Edition } from '../result.js';
import { countWordsIn } from './words.js';

/** One answer as the course checker cuts it: its text and where that text starts in the normalised report. */
export interface CheckerAnswer {
  /** Offset (UTF-16) in the normalised text where the chunk this answer came from begins (just after `Answer:`). */
  start: number;
  /** Offset just after the answer's text (before the `##`/`###` it was cut at). */
  end: number;
  text: string;
  words: number;
  images: number;
}

/** The course checker's reading of a report: its answers in order, or why it crashes. */
export interface CheckerReading {
  answers: CheckerAnswer[];
  /** The error it raises (Python's last line), or null when it reaches the range checks. */
  crash: string | null;
}

/** How many answers each edition's checker insists on. */
export const EXPECTED_ANSWERS: Record<Edition, number> = { '2023': 27, '2024': 27, '2025': 31, '2026': 31 };

const MARKER = 'Answer:';

/** True for 2023/2024, whose checker drops 43 characters of front matter and the first answer chunk. */
function isLegacy(edition: Edition): boolean {
  return edition === '2023' || edition === '2024';
}

/**
 * Python's `len(re.findall(r"!\[.*?\]\(.*?\)", text))` (Python's `.` matches anything but `\n`), in linear time:
 * a match is `![`, then the first `](` after it on the line, then the first `)` after that. When a line has no
 * such `](` or `)` for one `![`, it has none for any later `![` either, so the scan moves to the next line (the
 * pattern itself retries every `![` to the end of the line: 100,000 of them took minutes).
 */
export function countPythonImages(text: string): number {
  return pythonImageOffsets(text).length;
}

/**
 * Offsets in `text` where the matches that {@link countPythonImages} counts start. Only lines holding `![` are
 * looked at: each `![` is found in the whole text, and the searches for `](` and `)` reuse their last answer
 * while it lies ahead, so that lines of `![` with no `](` after them cannot each scan to the end.
 */
export function pythonImageOffsets(text: string): number[] {
  const offsets: number[] = [];
  let at = text.indexOf('![');
  // Most answers have no image: nothing more to set up for them.
  if (at === -1) return offsets;
  const brackets = new NextIndex(text, '](');
  const parens = new NextIndex(text, ')');
  const newlines = new NextIndex(text, '\n');
  while (at !== -1) {
    const newline = newlines.from(at);
    const lineEnd = newline === -1 ? text.length : newline;
    const bracket = brackets.from(at + 2);
    const paren = bracket === -1 || bracket >= lineEnd ? -1 : parens.from(bracket + 2);
    if (paren === -1 || paren >= lineEnd) {
      // No match for this `![`, nor for any later one on its line.
      at = newline === -1 ? -1 : text.indexOf('![', newline + 1);
      continue;
    }
    offsets.push(at);
    at = text.indexOf('![', paren + 1);
  }
  return offsets;
}

/** Python's universal-newline translation: `\r\n` and a lone `\r` become `\n`. Keeps line numbers unchanged. */
export function normaliseNewlines(text: string): string {
  if (!text.includes('\r')) return text;
  // The `\r\n` pairs first; every `\r` left is then a lone one. Native splits and joins: the loop of slices they
  // replace ran interpreted over a cold run's first CRLF reports (twice their cost), and took 60 ms over a million
  // lone `\r` or 300,000 CRLF line ends to their 30 and 10 (a regular-expression replace took 110 and 35).
  const unix = text.split('\r\n').join('\n');
  return unix.includes('\r') ? unix.split('\r').join('\n') : unix;
}

/** UTF-16 length of the first `count` code points of `text` (Python slices by code point). */
function codePointPrefixLength(text: string, count: number): number {
  let offset = 0;
  for (let i = 0; i < count && offset < text.length; i++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}

/**
 * `text.indexOf(needle, from)` for `from` increasing across calls, reusing the last answer while it lies ahead: a
 * report of 100,000 `Answer:` and no `###` would otherwise scan to its end once per answer.
 */
export class NextIndex {
  private from_ = -1;
  private found = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}
  from(from: number): number {
    if (this.from_ === -1 || from < this.from_ || (this.found !== -1 && this.found < from)) {
      this.found = this.text.indexOf(this.needle, from);
    }
    this.from_ = from;
    return this.found;
  }
}

/**
 * Cuts a report into answers exactly as the course's `report.py check` of `edition` does (see
 * shared/COURSE-CHECKER.md): split on `Answer:`, cut each chunk at the first `###` then `##`, append the last
 * chunk again whole, drop what the edition drops, strip newlines, and insist on the expected count.
 * `text` must already be newline-normalised; offsets refer to it.
 */
export function readAsCourseChecker(text: string, edition: Edition): CheckerReading {
  const legacy = isLegacy(edition);
  const base = legacy ? codePointPrefixLength(text, 43) : 0;
  // Where each chunk starts: the text after the dropped prefix, then just after each `Answer:`. Chunk k ends at
  // the `Answer:` before chunk k + 1 starts, the last one at the end of the text. Plain offsets, not a list of
  // chunk objects and then of spans: one pass makes the answers.
  const starts = [base];
  for (let at = text.indexOf(MARKER, base); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    starts.push(at + MARKER.length);
  }
  // 2025/2026 drop the chunk before the first `Answer:`.
  const first = legacy ? 0 : 1;
  const lastStart = starts[starts.length - 1] as number;
  if (first >= starts.length) return { answers: [], crash: 'IndexError: list index out of range' };

  const answers: CheckerAnswer[] = [];
  // 2023/2024 drop the first answer of the list (the front matter's chunk, or whatever came first).
  let drop = legacy ? 1 : 0;
  const add = (start: number, end: number) => {
    if (drop > 0) {
      drop--;
      return;
    }
    let s = start;
    let e = end;
    while (s < e && text.charCodeAt(s) === 10) s++;
    while (e > s && text.charCodeAt(e - 1) === 10) e--;
    const answer = text.slice(s, e);
    answers.push({
      start,
      end: e,
      text: answer,
      words: countWordsIn(text, s, e),
      images: countPythonImages(answer),
    });
  };
  const h3s = new NextIndex(text, '###');
  const h2s = new NextIndex(text, '##');
  for (let k = first; k < starts.length; k++) {
    const start = starts[k] as number;
    const end = k + 1 < starts.length ? (starts[k + 1] as number) - MARKER.length : text.length;
    const h3 = h3s.from(start);
    if (h3 === -1 || h3 + 3 > end) continue;
    const h2 = h2s.from(start);
    add(start, h2 !== -1 && h2 < h3 ? h2 : h3);
  }
  // The last chunk is appended again, whole.
  add(lastStart, text.length);

  const expected = EXPECTED_ANSWERS[edition];
  if (answers.length !== expected) {
    const hint = legacy ? 'Have you filled out every field?' : 'Have you changed the template?';
    return {
      answers,
      crash: `ValueError: Number of answers are different from the expected ${expected}. ${hint}`,
    };
  }
  return { answers, crash: null };
}
