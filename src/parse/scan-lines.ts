import { atxHeadingAt, isBlankCode, isDigitCode, skipBlanks } from './linear-scan.js';
import { isJsSpace } from './line-slots.js';
import { lineEndAt } from './lines.js';
import { endsHtmlBlock, startsHtmlBlock } from './html-block.js';
import { frontMatterEnd, HTML_BLOCK_7, readLine } from './scan-patterns.js';

/** An ATX heading line of the report. */
export interface Heading {
  start: number;
  end: number;
  depth: number;
  text: string;
  /** Inside a block quote or an HTML block: the page shows it quoted or as raw HTML, not as the report's own heading. */
  nested: boolean;
  /** Nested only in an HTML block that an empty line ends (CommonMark types 6 and 7): one above it shows it. */
  swallowed: boolean;
}

export interface Fence {
  marker: string;
  inList: boolean;
  depth: number;
}

/**
 * What {@link scanLines} finds: the headings, 1 for each line of front matter or fenced code, and 1 for each line
 * of a raw-text HTML block (`<pre>`, `<script>`, `<style>`, `<textarea>`: the page shows its text as it is).
 */
interface LineScan {
  headings: Heading[];
  code: Uint8Array;
  raw: Uint8Array;
}

/** What {@link scanLines} carries from line to line. */
export interface ScanState {
  fence: Fence | null;
  /**
   * Where the content of the list item being read starts (null outside lists): a fence indented that far sits
   * in the item and ends with it.
   */
  listContent: number | null;
  inHtml: boolean;
  /**
   * The CommonMark type (1–5) of the HTML block being read, which ends at the line holding its end condition
   * (blank lines included: `-->` ends a comment, `</pre>` a `<pre>`); 0 for none, or for types 6 and 7, which end
   * at a blank line.
   */
  htmlType: number;
  /** Whether the line before continues a paragraph, which a type-7 HTML block cannot interrupt. */
  afterText: boolean;
}

/** Whether the character at `i` is whitespace to JavaScript's `\s`. */
const isSpaceAt = (text: string, i: number): boolean => isJsSpace(text.charCodeAt(i));

/** Whether the line holds nothing from `from` on but whitespace to `\s`, as a closing fence's rest must be. */
function allSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceAt(text, i)) return false;
  return true;
}

/**
 * What a line outside quotes does to an open fence, as readLine decides when no fence closes on the line: true
 * when the line stays in it (code), false (the fence ended) when it starts at column 0 and the fence is in a list
 * item, or when the fence is in a quote.
 */
function staysInFence(state: ScanState, startsText: boolean, depth = 0): boolean {
  const fence = state.fence;
  if (!fence) return false;
  if (!((fence.inList && startsText) || depth < fence.depth)) return true;
  state.fence = null;
  return false;
}

/**
 * Reads a line that is plain text to every pattern of readLine (no fence, HTML start, list item or heading) at
 * quote depth `depth`, with a first character that is not `\s` nor `>` when `startsText` (`^[^\s>]`, which ends a
 * list item or leaves one). Returns whether the line is code.
 */
function readPlainLine(state: ScanState, startsText: boolean, depth = 0): boolean {
  if (staysInFence(state, startsText, depth)) return true;
  if (startsText) state.listContent = null;
  state.afterText = !state.inHtml;
  return false;
}

/** Reads a list item's line outside quotes whose content starts `content` characters into it. */
function readListItem(state: ScanState, content: number, startsText: boolean): boolean {
  if (readPlainLine(state, startsText)) return true;
  state.listContent = content;
  return false;
}

/** Reads a line whose first character after spaces and tabs is a `<`, at `lt`. Returns whether it is code. */
function readHtmlLike(state: ScanState, text: string, start: number, lt: number, end: number): boolean {
  const startsText = lt === start;
  if (staysInFence(state, startsText)) return true;
  // A type-7 block is a whole tag, so its line ends in `>` (and spaces and tabs).
  let last = end;
  while (last > lt && isBlankCode(text.charCodeAt(last - 1))) last--;
  const wholeTag = text.charCodeAt(last - 1) === 0x3e;
  if (!state.inHtml && lt - start <= 3) {
    const type = startsHtmlBlock(text, lt, end);
    state.htmlType = type <= 5 ? type : 0;
    state.inHtml = type !== 0 || (!state.afterText && wholeTag && HTML_BLOCK_7.test(text.slice(start, end)));
  }
  if (startsText) state.listContent = null;
  state.afterText = !state.inHtml;
  return false;
}

/**
 * Reads a line outside quotes whose first character after `indent` spaces and tabs opens a run of three or more
 * backticks or tildes, `text[run, runEnd)`: a fence, as readLine reads it with FENCE. Returns whether it is code.
 */
function readFenceLine(
  state: ScanState,
  text: string,
  indent: number,
  run: number,
  runEnd: number,
  end: number,
) {
  const startsText = indent === 0;
  const fence = state.fence;
  const closes =
    fence !== null &&
    fence.depth === 0 &&
    text.charCodeAt(run) === fence.marker.charCodeAt(0) &&
    runEnd - run >= fence.marker.length &&
    allSpace(text, runEnd, end);
  if (closes) {
    state.fence = null;
    state.afterText = false;
  }
  if (closes || staysInFence(state, startsText)) return true;
  if (startsText) state.listContent = null;
  // A backtick fence's info string cannot hold a backtick: "```text```" is inline code, not a fence.
  const tick = text.charCodeAt(run) === 0x60 ? text.indexOf('`', runEnd) : -1;
  if (state.inHtml || (tick !== -1 && tick < end)) {
    state.afterText = !state.inHtml;
    return false;
  }
  state.afterText = false;
  const inList = state.listContent !== null && indent >= state.listContent;
  state.fence = { marker: text.slice(run, runEnd), inList, depth: 0 };
  return true;
}

/** Reads a line whose first character after spaces and tabs is `#`. Returns whether it is code; records a heading. */
function readHeadingLike(state: ScanState, text: string, start: number, end: number, headings: Heading[]) {
  if (readPlainLine(state, !isBlankCode(text.charCodeAt(start)))) return true;
  const match = atxHeadingAt(text, start, end);
  if (match) {
    const swallowed = state.inHtml && state.htmlType === 0;
    headings.push({ start, end, depth: match.depth, text: match.text, nested: state.inHtml, swallowed });
    state.afterText = false;
  }
  return false;
}

/**
 * Reads a line as readLine would, by its first character after spaces and tabs and without cutting it out of the
 * text or running a pattern on it: text, quotes, list items, HTML, blank lines, and headings and fences outside
 * quotes (all lines of most reports). Returns whether the line is code, or -1 for a line left to readLine (a fence
 * or heading in a quote, a first character past ASCII or a control character).
 */
function readLineFast(state: ScanState, text: string, start: number, end: number, headings: Heading[]) {
  // Most lines start with no space or tab: no call for them (it costs, run by the interpreter on a cold start).
  const b = isBlankCode(text.charCodeAt(start)) ? skipBlanks(text, start, end) : start;
  // A blank line ends an HTML block and a paragraph, and a fence only in a quote.
  if (b === end) {
    if (state.fence?.depth === 0) return true;
    // Three assignments, not `[a, b, c] = [x, y, z]`: until V8 optimises this function (a cold run's first
    // reports) that destructuring makes an array, its iterator and a result object per blank line.
    state.fence = null;
    // A blank line ends an HTML block of type 6 or 7; one of types 1–5 runs on to its end condition.
    if (state.htmlType === 0) state.inHtml = false;
    state.afterText = false;
    return false;
  }
  const c = text.charCodeAt(b);
  const startsText = b === start;
  if (c === 0x23) return readHeadingLike(state, text, start, end, headings);
  if (c === 0x3c) return readHtmlLike(state, text, start, b, end);
  // A `-`, `*` or `+`, or `1.` or `1)` (at most nine digits), starts a list item with a space or tab after it.
  let marker = c === 0x2d || c === 0x2a || c === 0x2b ? b + 1 : -1;
  if (isDigitCode(c)) {
    marker = b + 1;
    while (marker < end && isDigitCode(text.charCodeAt(marker))) marker++;
    const dot = text.charCodeAt(marker);
    marker = marker - b <= 9 && (dot === 0x2e || dot === 0x29) ? marker + 1 : -1;
  }
  if (marker !== -1)
    return marker < end && isBlankCode(text.charCodeAt(marker))
      ? readListItem(state, skipBlanks(text, marker, end) - start, startsText)
      : readPlainLine(state, startsText);
  // A run of fewer than three backticks or tildes is text.
  if (c === 0x60 || c === 0x7e) {
    let e = b + 1;
    while (e < end && text.charCodeAt(e) === c) e++;
    return e - b >= 3 ? readFenceLine(state, text, b - start, b, e, end) : readPlainLine(state, startsText);
  }
  // Printable ASCII holds no whitespace, so the line has text.
  if (c !== 0x3e) return c > 0x20 && c < 0x7f ? readPlainLine(state, startsText) : -1;
  // A quote: `>` after at most three spaces or tabs, its markers read as quoteDepth reads them.
  if (b - start > 3) return -1;
  let depth = 0;
  let i = b;
  while (i < end && text.charCodeAt(i) === 0x3e) {
    depth++;
    i++;
    if (i < end && isBlankCode(text.charCodeAt(i))) i++;
  }
  // A fence or a heading starts right after the markers (FENCE and atxHeading read them as quoteDepth does).
  const next = i < end ? text.charCodeAt(i) : -1;
  return next === 0x60 || next === 0x7e || next === 0x23 ? -1 : readPlainLine(state, false, depth);
}

/** The lines' headings and code, each line read by {@link readLineFast} or, with `byPatterns`, by readLine. */
function scan(text: string, starts: number[], byPatterns: boolean): LineScan {
  const headings: Heading[] = [];
  // 1 for lines of front matter and fenced code (fences included): no markdown there.
  const code = new Uint8Array(starts.length);
  const raw = new Uint8Array(starts.length);
  let index = frontMatterEnd(text, starts);
  code.fill(1, 0, index);
  const state: ScanState = { fence: null, listContent: null, inHtml: false, htmlType: 0, afterText: false };
  for (; index < starts.length; index++) {
    const start = starts[index] ?? 0;
    const end = lineEndAt(text, starts, index);
    const fast = byPatterns ? -1 : readLineFast(state, text, start, end, headings);
    if (fast === -1 ? readLine(state, text, start, end, headings) : fast) code[index] = 1;
    if (state.htmlType === 1) raw[index] = 1;
    // The line that meets an HTML block's end condition (its first line too: `<!-- note -->`) is its last: a
    // heading on the next line is the page's heading.
    if (state.htmlType !== 0 && endsHtmlBlock(text, start, end, state.htmlType)) {
      state.inHtml = false;
      state.htmlType = 0;
      state.afterText = false;
    }
  }
  return { headings, code, raw };
}

/**
 * ATX headings outside fenced code and front matter, found line by line. The report's skeleton is all `#`
 * headings, and a line scan finds them at a fraction of micromark's cost (micromark runs at about 1 MB/s here).
 */
export function scanLines(text: string, starts: number[]): LineScan {
  return scan(text, starts, false);
}

/** {@link scanLines} with every line read by readLine's patterns: what the tests hold its fast paths to. */
export function scanLinesByPatterns(text: string, starts: number[]): LineScan {
  return scan(text, starts, true);
}
