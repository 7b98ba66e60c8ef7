import { lineEnd, quoteDepth } from './lines.js';
import { atxHeading } from './linear-scan.js';

/** An ATX heading line of the report. */
export interface Heading {
  start: number;
  end: number;
  depth: number;
  text: string;
  /** Inside a block quote or an HTML block: the page shows it quoted or as raw HTML, not as the report's own heading. */
  nested: boolean;
}

const FENCE = /^([ \t]*)((?:>[ \t]?)*)(`{3,}|~{3,})/;
/** CommonMark HTML blocks of types 1–6: raw-text tags, comments, declarations and block-level tag names. */
const HTML_BLOCK_1_TO_6 = new RegExp(
  '^[ \\t]{0,3}(?:<(?:script|pre|style|textarea)(?:[\\s>]|$)|<!--|<\\?|<![A-Za-z]|<!\\[CDATA\\[|</?(?:' +
    'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|' +
    'dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|' +
    'menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|' +
    'title|tr|track|ul)(?:[\\s/>]|$))',
  'i',
);
/** A CommonMark type-7 HTML block: one complete tag alone on its line (it cannot interrupt a paragraph). */
const HTML_BLOCK_7 =
  /^[ \t]{0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** A list item's marker and the spaces after it: its length is where the item's content starts. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;

interface Fence {
  marker: string;
  inList: boolean;
  depth: number;
}

/** The index of the first line after the front matter (0 when there is none). */
function frontMatterEnd(text: string, starts: number[]): number {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (!/^\uFEFF?---[ \t]*$/.test(firstLine)) return 0;
  // Front matter runs up to the next `---` line.
  let index = 1;
  for (; index < starts.length; index++) {
    const s = starts[index] ?? 0;
    if (/^---[ \t]*$/.test(text.slice(s, lineEnd(text, s)))) break;
  }
  return index < starts.length ? index + 1 : 1;
}

/** What a line does to an open fence: `closes` it, stays `inside` it, or ends it by `leaving` its container. */
function fenceLine(fence: Fence, line: string, open: RegExpExecArray | null, depth: number): string {
  const closes =
    open &&
    depth === fence.depth &&
    open[3]?.[0] === fence.marker[0] &&
    (open[3]?.length ?? 0) >= fence.marker.length &&
    !/\S/.test(line.slice(open[0].length));
  if (closes) return 'closes';
  // A fence in a list item ends with the item, at a line starting at column 0; a fence in a quote ends with
  // the quote, at a line with fewer `>` (code takes no lazy lines). CommonMark renders it so.
  const leftContainer = (fence.inList && /^[^\s>]/.test(line)) || depth < fence.depth;
  return leftContainer ? 'leaving' : 'inside';
}

/** The printable ASCII characters that can open a construct {@link scanLines} reads, by code. */
const OPENS_SOMETHING = new Uint8Array(0x80);
for (const ch of '>`~<-*+#0123456789') OPENS_SOMETHING[ch.charCodeAt(0)] = 1;

/** What {@link plainLineDepth} returns for a line whose first character after spaces and tabs is `#`. */
const HEADING_LIKE = -2;

/**
 * The quote depth of the line `[start, end)` when it is plain text to every pattern of {@link scanLines}, else -1
 * ({@link HEADING_LIKE} for a line that is plain text but for a heading it may be).
 * Plain: its first character after spaces and tabs is printable ASCII that opens nothing (no fence, quote, HTML,
 * list item or heading: a `-`, `*` or `+` without a space or tab after it is text); or it is a quote (`>` after
 * at most three spaces or tabs, as {@link quoteDepth} reads it) whose markers are followed by no fence and no `#`. Most
 * lines of a report are one or the other (the template's prompts are quoted), and they are read without cutting
 * them out of the text or running a pattern on them.
 */
function plainLineDepth(text: string, start: number, end: number): number {
  let b = start;
  while (b < end && (text.charCodeAt(b) === 0x20 || text.charCodeAt(b) === 0x09)) b++;
  if (b === end) return -1;
  const c = text.charCodeAt(b);
  if (c === 0x23) return HEADING_LIKE;
  // A `-`, `*` or `+` starts a list item only with a space or tab after it (`**bold**` and `---` do not).
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    const next = b + 1 < end ? text.charCodeAt(b + 1) : -1;
    return next === 0x20 || next === 0x09 ? -1 : 0;
  }
  // Printable ASCII holds no whitespace, so the line has text.
  if (c !== 0x3e) return c > 0x20 && c < 0x7f && !OPENS_SOMETHING[c] ? 0 : -1;
  if (b - start > 3) return -1;
  let depth = 0;
  let i = b;
  while (i < end && text.charCodeAt(i) === 0x3e) {
    depth++;
    i++;
    if (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  }
  // A fence or a heading starts right after the markers (FENCE and atxHeading read them as quoteDepth does).
  const next = i < end ? text.charCodeAt(i) : -1;
  return next === 0x60 || next === 0x7e || next === 0x23 ? -1 : depth;
}

/** What {@link scanLines} carries from line to line. */
interface ScanState {
  fence: Fence | null;
  /**
   * Where the content of the list item being read starts (null outside lists): a fence indented that far sits
   * in the item and ends with it.
   */
  listContent: number | null;
  inHtml: boolean;
  /** Whether the line before continues a paragraph, which a type-7 HTML block cannot interrupt. */
  afterText: boolean;
}

/**
 * Reads a {@link plainLineDepth} line: what the patterns of {@link readLine} find on it is no fence, HTML start,
 * list item or heading, and text; only a first character that is not a space, tab or `>` (`^[^\s>]`) ends a list
 * item or leaves one. Returns whether the line is code.
 */
function readPlainLine(state: ScanState, text: string, start: number, depth: number): boolean {
  const first = text.charCodeAt(start);
  const startsText = depth === 0 && first !== 0x20 && first !== 0x09;
  if (state.fence) {
    if (!((state.fence.inList && startsText) || depth < state.fence.depth)) return true;
    state.fence = null;
  }
  if (startsText) state.listContent = null;
  state.afterText = !state.inHtml;
  return false;
}

/**
 * Reads a {@link HEADING_LIKE} line: to every pattern but the heading's, a `#` after spaces and tabs is plain text.
 * Returns whether it is code, and records a heading it is.
 */
function readHeadingLike(
  state: ScanState,
  text: string,
  start: number,
  end: number,
  headings: Heading[],
): boolean {
  if (readPlainLine(state, text, start, 0)) return true;
  const match = atxHeading(text.slice(start, end));
  if (match) {
    headings.push({ start, end, depth: match.depth, text: match.text, nested: state.inHtml });
    state.afterText = false;
  }
  return false;
}

/** Reads any line, with the patterns; returns whether it is code, and records a heading it is. */
function readLine(state: ScanState, text: string, start: number, end: number, headings: Heading[]): boolean {
  const line = text.slice(start, end);
  const open = FENCE.exec(line);
  const depth = quoteDepth(line);
  if (state.fence) {
    const fenceState = fenceLine(state.fence, line, open, depth);
    if (fenceState !== 'leaving') {
      if (fenceState === 'closes') [state.fence, state.afterText] = [null, false];
      return true;
    }
    state.fence = null;
  }
  // An HTML block runs to the next blank line (for types 1–5 an approximation); a fence line in it is HTML
  // text, not code. Only fences care: headings are found anyway, as the course checker finds `###`.
  if (!/\S/.test(line)) state.inHtml = false;
  else if (!state.inHtml && (HTML_BLOCK_1_TO_6.test(line) || (!state.afterText && HTML_BLOCK_7.test(line))))
    state.inHtml = true;
  const item = LIST_ITEM.exec(line);
  if (item) state.listContent = item[0].length;
  else if (/^[^\s>]/.test(line)) state.listContent = null;
  // A backtick fence's info string cannot hold a backtick: "```text```" is inline code, not a fence.
  if (open && !state.inHtml && !(open[3]?.startsWith('`') && line.slice(open[0].length).includes('`'))) {
    state.afterText = false;
    const inList = state.listContent !== null && (open[1]?.length ?? 0) >= state.listContent;
    state.fence = { marker: open[3] ?? '```', inList, depth };
    return true;
  }
  const match = atxHeading(line);
  if (match)
    headings.push({ start, end, depth: match.depth, text: match.text, nested: depth > 0 || state.inHtml });
  state.afterText = /\S/.test(line) && !match && !state.inHtml;
  return false;
}

/**
 * ATX headings outside fenced code and front matter, found line by line. The report's skeleton is all `#`
 * headings, and a line scan finds them at a fraction of micromark's cost (micromark runs at about 1 MB/s here).
 */
export function scanLines(text: string, starts: number[]): { headings: Heading[]; code: Uint8Array } {
  const headings: Heading[] = [];
  // 1 for lines of front matter and fenced code (fences included): no markdown there.
  const code = new Uint8Array(starts.length);
  let index = frontMatterEnd(text, starts);
  code.fill(1, 0, index);
  const state: ScanState = { fence: null, listContent: null, inHtml: false, afterText: false };
  for (; index < starts.length; index++) {
    const start = starts[index] ?? 0;
    const end = index + 1 < starts.length ? (starts[index + 1] ?? 0) - 1 : text.length;
    // An empty line outside a fence only ends an HTML block and a paragraph: a million of them cost a second.
    if (start === end && !state.fence) {
      [state.inHtml, state.afterText] = [false, false];
      continue;
    }
    const depth = plainLineDepth(text, start, end);
    const isCode =
      depth >= 0
        ? readPlainLine(state, text, start, depth)
        : depth === HEADING_LIKE
          ? readHeadingLike(state, text, start, end, headings)
          : readLine(state, text, start, end, headings);
    if (isCode) code[index] = 1;
  }
  return { headings, code };
}
