import type { Point } from './model.js';
import { isJsSpace } from './line-slots.js';
import { lineEndAt } from './lines.js';

/**
 * Where the first image opener (`![`) or `<img` tag (its letters in any case) wholly inside `text[from, end)` at or
 * after an offset starts (`end` for none), for offsets asked in increasing order: a line with either may hold an
 * image, which code spans can hide, so only micromark tells. Each is searched for with `indexOf` once for all
 * the lines before it; `/!\[|<img/gi` cost more than the rest of the answer's reading. Exported for its test.
 */
export function imageSearch(text: string, from: number, end: number): (offset: number) => number {
  // Searched in the answer alone: past its end, `indexOf` would run on through the report for each answer.
  const answer = text.slice(from, end);
  let opener = -1;
  let tag = -1;
  return (offset) => {
    const at = offset - from;
    if (opener < at) {
      opener = answer.indexOf('![', at);
      if (opener === -1) opener = answer.length;
    }
    if (tag < at) {
      tag = answer.length;
      // `|0x20` lowers an ASCII letter and makes no other character one (the pattern's `i` folds ASCII only).
      for (let lt = answer.indexOf('<', at); lt !== -1; lt = answer.indexOf('<', lt + 1)) {
        const i = answer.charCodeAt(lt + 1) | 0x20;
        const m = answer.charCodeAt(lt + 2) | 0x20;
        if (i === 0x69 && m === 0x6d && (answer.charCodeAt(lt + 3) | 0x20) === 0x67) {
          tag = lt;
          break;
        }
      }
    }
    return from + Math.min(opener, tag);
  };
}

/** Whether the line from `start` can be an {@link UNDERLINE}: its first character after `[ \t>]*` is `=` or `-`. */
function mayUnderline(text: string, start: number): boolean {
  let i = start;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x3e; c = text.charCodeAt(++i));
  const c = text.charCodeAt(i);
  return c === 0x3d || c === 0x2d;
}

/** Whether the line from `start` can be a {@link DEFINITION}: its first character after `[ \t>]*` is `[`. */
function mayDefine(text: string, start: number): boolean {
  let i = start;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x3e; c = text.charCodeAt(++i));
  return text.charCodeAt(i) === 0x5b;
}

/** Whether `text[from, to)` holds nothing but `>` and whitespace to `\s`. */
function onlySpaceOrQuote(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c !== 0x3e && !isJsSpace(c)) return false;
  }
  return true;
}

/** A link reference definition, `[label]: url`. */
const DEFINITION = /^[ \t>]*\[[^\]]+\]:/;
/** A `---`/`===` line, which turns text right above it into a (setext) heading. */
export const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/;

/** One run of non-blank lines of an answer, dedented, with the offset in the report where each line starts. */
export interface Block {
  text: string;
  /** Offset in `text` of each block line's start. */
  starts: number[];
  /** Offset in the report of each block line's first kept character. */
  origins: number[];
}

/** Line `i`'s text within the answer `text[from, end)`. */
function lineIn(text: string, starts: number[], i: number, from: number, end: number): string {
  return text.slice(Math.max(starts[i] ?? 0, from), Math.min(lineEndAt(text, starts, i), end));
}

/** Whether line `i` separates blocks: a line of code, or of nothing but `\s` and `>`. */
function separates(
  text: string,
  starts: number[],
  code: Uint8Array,
  i: number,
  from: number,
  end: number,
): boolean {
  return (
    code[i] === 1 ||
    onlySpaceOrQuote(text, Math.max(starts[i] ?? 0, from), Math.min(lineEndAt(text, starts, i), end))
  );
}

/** Appends line `i` of the answer `text[from, end)` to a block without the leading characters `lead` matches. */
function append(
  block: Block,
  text: string,
  starts: number[],
  i: number,
  from: number,
  end: number,
  lead: RegExp,
): void {
  const raw = lineIn(text, starts, i, from, end);
  const kept = raw.replace(lead, '');
  block.starts.push(block.text.length);
  block.origins.push(Math.max(starts[i] ?? 0, from) + raw.length - kept.length);
  block.text += `${kept}\n`;
}

/** A block line's indentation, dropped so that the block reads as it would at the start of a line. */
const LEADING_BLANKS = /^[ \t]+/;
/** A definition's indentation and quote markers: it serves the block wherever in the answer it stands. */
const LEADING_BLANKS_AND_QUOTES = /^[ \t>]+/;

/**
 * The blocks (runs of non-blank lines outside code) of an answer that hold an image, an `<img>` or a setext
 * underline: all micromark needs to see. micromark runs at about 1 MB/s here, slower still before the JIT
 * warms up, so parsing whole reports would cost more than node's own start. Lines lose their leading
 * whitespace, so that a block cut out of a list is not read as indented code. The line helpers are functions of
 * their own, not closures over the answer: made for each of a report's 30 answers, those were most of what this
 * allocated.
 */
export function blocksToParse(
  text: string,
  starts: number[],
  code: Uint8Array,
  pointAt: (offset: number) => Point,
  from: number,
  end: number,
): Block[] {
  const first = pointAt(from).line - 1;
  const last = pointAt(Math.max(from, end - 1)).line - 1;
  const blocks: Block[] = [];
  let covered = first - 1;
  const imageFrom = imageSearch(text, from, end);
  for (let i = first; i <= last; i++) {
    // An empty line holds no image and no underline: skipped without copying it (a million of them took seconds).
    if (i <= covered || code[i] === 1 || text.charCodeAt(starts[i] ?? 0) === 10) continue;
    const lineStart = Math.max(starts[i] ?? 0, from);
    // A match holds no line end, so one that starts on the line is all in it.
    const wanted =
      imageFrom(lineStart) < Math.min(lineEndAt(text, starts, i), end) ||
      (mayUnderline(text, lineStart) &&
        UNDERLINE.test(lineIn(text, starts, i, from, end)) &&
        i > first &&
        !separates(text, starts, code, i - 1, from, end));
    if (!wanted) continue;
    let top = i;
    while (top > first && top - 1 > covered && !separates(text, starts, code, top - 1, from, end)) top--;
    let bottom = i;
    while (bottom < last && !separates(text, starts, code, bottom + 1, from, end)) bottom++;
    const block: Block = { text: '', starts: [], origins: [] };
    for (let j = top; j <= bottom; j++) append(block, text, starts, j, from, end, LEADING_BLANKS);
    blocks.push(block);
    covered = bottom;
  }
  // Reference-style images need their `[label]: url` definitions, wherever in the answer they stand.
  // Without a block they have nothing to serve, and the answer's lines are not read again.
  const definitions: number[] = [];
  for (let i = first; i <= last && blocks.length > 0; i++)
    if (
      code[i] !== 1 &&
      mayDefine(text, Math.max(starts[i] ?? 0, from)) &&
      DEFINITION.test(lineIn(text, starts, i, from, end))
    )
      definitions.push(i);
  if (definitions.length > 0)
    for (const block of blocks) {
      block.text += '\n';
      for (const i of definitions) append(block, text, starts, i, from, end, LEADING_BLANKS_AND_QUOTES);
    }
  return blocks;
}

/** The report offset of an offset inside a block. */
export function blockToReport(block: Block, offset: number): number {
  // Binary search: a block of many lines with an image on each would make a scan from the end quadratic.
  let line = 0;
  let hi = block.starts.length - 1;
  while (line < hi) {
    const mid = (line + hi + 1) >> 1;
    if ((block.starts[mid] ?? 0) <= offset) line = mid;
    else hi = mid - 1;
  }
  return (block.origins[line] ?? 0) + offset - (block.starts[line] ?? 0);
}
