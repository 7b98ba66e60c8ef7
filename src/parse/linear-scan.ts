// Line and tag scanners in linear time. Each replaces a regular expression that backtracked on student text (a
// 4 KB heading line of spaces took 27 s, 100,000 dashes 218 s, 100,000 "![" 250 s): the same answers on
// ordinary text, with every position of the input looked at a bounded number of times.
import { NextIndex } from './course-checker.js';

/** A space or tab, by character code: the scanners that run on every line read codes, not one-character strings. */
export const isBlankCode = (c: number): boolean => c === 0x20 || c === 0x09;
/** An ASCII digit, by character code. */
export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Whether `text[from, to)` holds what JavaScript's `.` does not match: a line terminator (`\n` never reaches these scanners). */
const hasTerminator = (text: string, from = 0, to = text.length): boolean => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
};
/** Whether `c` is whitespace to JavaScript's `\s` (which is also what `String.prototype.trim` removes). */
const isSpace = (c: string | undefined): boolean => c !== undefined && c.trim() === '';
const WORD = /\w/;
const isWord = (c: string | undefined): boolean => c !== undefined && WORD.test(c);

/** Index of the first character at or after `from` that is not a space or tab. */
export function skipBlanks(text: string, from: number, to = text.length): number {
  let i = from;
  while (i < to && isBlankCode(text.charCodeAt(i))) i++;
  return i;
}

/** Index just after the last character of `text[from, to)` that is not a space or tab. */
function trimBlanksEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isBlankCode(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * An ATX heading line (`## Title ##`, possibly inside `>` quotes): its level and text, or null. The same as
 * `/^[ \t]{0,3}(?:>[ \t]?)*(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/`, without its cubic backtracking.
 */
export function atxHeading(line: string): { depth: number; text: string } | null {
  return atxHeadingAt(line, 0, line.length);
}

/** {@link atxHeading} of the line `text[from, to)`, read in place (the line scan does not cut lines out). */
export function atxHeadingAt(text: string, from: number, to: number): { depth: number; text: string } | null {
  let i = from;
  while (i < to && i - from < 3 && isBlankCode(text.charCodeAt(i))) i++;
  while (i < to && text.charCodeAt(i) === 0x3e) {
    i++;
    if (i < to && isBlankCode(text.charCodeAt(i))) i++;
  }
  const hashes = i;
  while (i < to && text.charCodeAt(i) === 0x23) i++;
  const depth = i - hashes;
  if (depth < 1 || depth > 6) return null;
  if (i === to) return { depth, text: '' };
  if (!isBlankCode(text.charCodeAt(i))) return null;
  const a = skipBlanks(text, i, to);
  if (a === to) return { depth, text: '' };
  // The text cannot cross a line terminator (`.`), nor can what may follow it (blanks and a closing `#` run).
  if (hasTerminator(text, a, to)) return null;
  const end = trimBlanksEnd(text, a, to);
  // A closing sequence: blanks, then the final run of `#`, after at least one character of text.
  let run = end;
  while (run > a && text.charCodeAt(run - 1) === 0x23) run--;
  const closing =
    run < end && run > a && isBlankCode(text.charCodeAt(run - 1)) ? trimBlanksEnd(text, a, run) : end;
  return { depth, text: text.slice(a, Math.max(closing, a + 1)) };
}

/**
 * Whether a line still starts or ends with the template's `---` marker around text, as
 * `/^[\s>]*---+\s*\S.*$|^.*\S\s*---+\s*$/` decides, in linear time. A line made only of 4 or more dashes counts
 * too (the pattern's `\S` can be a dash), as it always has.
 */
export function isMarkerLine(line: string): boolean {
  return startsWithMarker(line) || endsWithMarker(line);
}

function startsWithMarker(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === '>' || isSpace(line[i]))) i++;
  const dashes = i;
  while (line[i] === '-') i++;
  const run = i - dashes;
  if (run < 3) return false;
  // The latest place the pattern's `\S` can be: the first non-space after the dashes (and the whitespace after
  // them), else the last dash of a run of four or more; `.*$` then needs no line terminator after it.
  let q = i;
  while (q < line.length && isSpace(line[q])) q++;
  if (q < line.length) return !hasTerminator(line, q + 1);
  return run >= 4 && !hasTerminator(line, i);
}

function endsWithMarker(line: string): boolean {
  let e = line.length;
  while (e > 0 && isSpace(line[e - 1])) e--;
  let d = e;
  while (d > 0 && line[d - 1] === '-') d--;
  if (e - d < 3) return false;
  // The earliest place the pattern's `\S` can be: the last non-space before the run (and the whitespace before
  // it), else a dash of the run beyond its last three; `^.*` before it must hold no line terminator.
  let s = d;
  while (s > 0 && isSpace(line[s - 1])) s--;
  if (s > 0) return !hasTerminator(line, 0, s - 1);
  return e - d >= 4 && !hasTerminator(line, 0, d);
}

/** The first of two `indexOf` answers, -1 standing for none. */
function earlier(a: number, b: number): number {
  return a === -1 || (b !== -1 && b < a) ? b : a;
}

/**
 * The spans {@link withoutImages} replaces (`/!\[[^\]\n]*\]\([^)\n]*\)/g`), found as the pattern finds them: at each `![`, the first
 * `]` or line end after it must be `](`, and the first `)` or line end after that a `)`. Each search reuses its
 * last answer while it lies ahead and is asked from places that only grow (so the line ends have two), so that a
 * line of `![` with no `]` or `)` cannot scan to its end from each of them.
 */
export function imageSpans(text: string): number[] {
  const spans: number[] = [];
  const brackets = new NextIndex(text, ']');
  const parens = new NextIndex(text, ')');
  const bracketLineEnds = new NextIndex(text, '\n');
  const parenLineEnds = new NextIndex(text, '\n');
  for (let at = text.indexOf('!['); at !== -1;) {
    const bracket = earlier(brackets.from(at + 2), bracketLineEnds.from(at + 2));
    const paren =
      bracket !== -1 && text.charCodeAt(bracket) === 93 && text.charCodeAt(bracket + 1) === 40
        ? earlier(parens.from(bracket + 2), parenLineEnds.from(bracket + 2))
        : -1;
    if (paren !== -1 && text.charCodeAt(paren) === 41) {
      spans.push(at, paren + 1);
      at = text.indexOf('![', paren + 1);
    } else at = text.indexOf('![', at + 1);
  }
  return spans;
}

/** The spans {@link withoutTags} replaces (`/<[^>\n]+>/g`): from a `<` to the first `>` or line end, when that is a `>` past it. */
export function tagSpans(text: string): number[] {
  const spans: number[] = [];
  const closes = new NextIndex(text, '>');
  const newlines = new NextIndex(text, '\n');
  for (let at = text.indexOf('<'); at !== -1;) {
    const close = earlier(closes.from(at + 1), newlines.from(at + 1));
    if (close > at + 1 && text.charCodeAt(close) === 62) {
      spans.push(at, close + 1);
      at = text.indexOf('<', close + 1);
    } else at = text.indexOf('<', at + 1);
  }
  return spans;
}

/** `text` with each span of `spans` replaced by a space. */
export function spaced(text: string, spans: number[]): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < spans.length; i += 2) {
    out += `${text.slice(kept, spans[i])} `;
    kept = spans[i + 1] as number;
  }
  return out + text.slice(kept);
}

/** `text` with every markdown image `![alt](src)` on one line replaced by a space, as `/!\[[^\]\n]*\]\([^)\n]*\)/g`. */
export function withoutImages(text: string): string {
  return spaced(text, imageSpans(text));
}

/** `text` with every one-line `<tag>` replaced by a space, as `/<[^>\n]+>/g`. */
export function withoutTags(text: string): string {
  return spaced(text, tagSpans(text));
}

/** An `<img>` tag in HTML text: its offset, its length and its `src` value. */
export interface HtmlImage {
  index: number;
  length: number;
  src: string;
}

/** Whether `value` of `text` is an unquoted or quoted attribute value start; returns the value, or null. */
function srcValueAt(text: string, at: number, end: number): string | null {
  let i = at;
  while (i < end && isSpace(text[i])) i++;
  if (text[i] !== '=') return null;
  i++;
  while (i < end && isSpace(text[i])) i++;
  const valueChar = (c: string | undefined) =>
    c !== undefined && c !== '"' && c !== "'" && c !== '>' && !isSpace(c);
  if ((text[i] === '"' || text[i] === "'") && valueChar(text[i + 1])) i++;
  const start = i;
  while (i < end && valueChar(text[i])) i++;
  return i > start ? text.slice(start, i) : null;
}

/**
 * Every `<img … src=…>` tag in HTML text, as `/<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)[^>]*>/gi` finds them: the
 * first `src` attribute with a value before the tag's first `>`. Linear: each tag is read once.
 */
export function findHtmlImages(html: string): HtmlImage[] {
  // ASCII only, which keeps offsets (and is all the pattern's `i` flag folds onto these letters).
  const lower = html.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const found: HtmlImage[] = [];
  const close = new NextIndex(html, '>');
  // The first `src` with a value at or after `srcFrom`, kept while later tags start before it.
  let src: { at: number; value: string } | null = null;
  let srcSearched = -1;
  for (let i = lower.indexOf('<img'); i !== -1; i = lower.indexOf('<img', i + 1)) {
    if (isWord(html[i + 4])) continue;
    const gt = close.from(i + 4);
    if (gt === -1) break;
    if (src === null || src.at < i + 4) {
      src = null;
      let p = lower.indexOf('src', Math.max(i + 4, srcSearched));
      for (; p !== -1; p = lower.indexOf('src', p + 1)) {
        if (isWord(html[p - 1])) continue;
        const value = srcValueAt(html, p + 3, html.length);
        if (value !== null) {
          src = { at: p, value };
          break;
        }
      }
      srcSearched = p === -1 ? html.length : p;
    }
    if (src === null) break;
    if (src.at >= gt) continue;
    // The value was read up to the first space, quote or `>`, so it ends before `gt`.
    found.push({ index: i, length: gt + 1 - i, src: src.value });
    i = gt;
  }
  return found;
}
