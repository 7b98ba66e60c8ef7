// How scanLines reads front matter, and a line by patterns: the general reading, which its fast paths (scan-lines.ts)
// match without cutting the line out or running a pattern. It still reads the lines those leave to it (a first
// character past ASCII, a fence or heading inside a quote), and the tests compare the two on every line.
import { lineEnd, quoteDepth } from './lines.js';
import { atxHeading } from './linear-scan.js';
import type { Fence, Heading, ScanState } from './scan-lines.js';

const FENCE = /^([ \t]*)((?:>[ \t]?)*)(`{3,}|~{3,})/;
/** The tag names of CommonMark HTML blocks of type 6, as micromark lists them (lower case). */
export const BLOCK_TAG_NAMES = (
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl ' +
  'dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend ' +
  'li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td ' +
  'tfoot th thead title tr track ul'
).split(' ');
/** The tag names of type 1 (raw text: the block runs to the closing tag). */
export const RAW_TEXT_TAG_NAMES = ['script', 'pre', 'style', 'textarea'];
/** CommonMark HTML blocks of types 1–6: raw-text tags, comments, declarations and block-level tag names. */
const HTML_BLOCK_1_TO_6 = new RegExp(
  `^[ \\t]{0,3}(?:<(?:${RAW_TEXT_TAG_NAMES.join('|')})(?:[\\s>]|$)|<!--|<\\?|<![A-Za-z]|<!\\[CDATA\\[|</?(?:` +
    `${BLOCK_TAG_NAMES.join('|')})(?:[\\s/>]|$))`,
  'i',
);
/** The start of CommonMark HTML blocks of types 1–5, by type: those end at a line meeting their end condition. */
const HTML_BLOCK_TYPES: ReadonlyArray<[number, RegExp]> = [
  [1, new RegExp(`^[ \\t]{0,3}<(?:${RAW_TEXT_TAG_NAMES.join('|')})(?:[\\s>]|$)`, 'i')],
  [2, /^[ \t]{0,3}<!--/],
  [3, /^[ \t]{0,3}<\?/],
  [4, /^[ \t]{0,3}<![A-Za-z]/],
  [5, /^[ \t]{0,3}<!\[CDATA\[/i],
];

/** The type (1–5) of the HTML block a line starts, or 0 (types 6 and 7, which a blank line ends). */
function htmlBlockType(line: string): number {
  for (const [type, start] of HTML_BLOCK_TYPES) if (start.test(line)) return type;
  return 0;
}

/** A CommonMark type-7 HTML block: one complete tag alone on its line (it cannot interrupt a paragraph). */
export const HTML_BLOCK_7 =
  /^[ \t]{0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** What {@link HTML_BLOCK_1_TO_6} and {@link HTML_BLOCK_7} start with. */
const TAG_FIRST = /^[ \t]{0,3}</;

/** A list item's marker and the spaces after it: its length is where the item's content starts. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;

/** The index of the first line after the front matter (0 when there is none). */
export function frontMatterEnd(text: string, starts: number[]): number {
  // Told by the first character for most reports, before the pattern is compiled.
  if (text.charCodeAt(0) !== 0x2d && text.charCodeAt(0) !== 0xfeff) return 0;
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

/** Reads any line, with the patterns; returns whether it is code, and records a heading it is. */
export function readLine(
  state: ScanState,
  text: string,
  start: number,
  end: number,
  headings: Heading[],
): boolean {
  const line = text.slice(start, end);
  const open = FENCE.exec(line);
  const depth = quoteDepth(line);
  if (state.fence) {
    const fenceState = fenceLine(state.fence, line, open, depth);
    if (fenceState !== 'leaving') {
      if (fenceState === 'closes') {
        state.fence = null;
        state.afterText = false;
      }
      return true;
    }
    state.fence = null;
  }
  // An HTML block of type 6 or 7 runs to the next blank line, one of types 1–5 to the line that meets its end
  // condition (scanLines ends it there); a fence line in it is HTML text, not code, and a heading in it is shown
  // as raw HTML (nested), though the course checker still cuts at it.
  // Both HTML patterns need a `<` after at most three spaces or tabs, which the lines left to this reading seldom
  // have (a byte-order mark comes first): the long tag-name pattern cost about a millisecond to compile.
  if (!/\S/.test(line)) {
    if (state.htmlType === 0) state.inHtml = false;
  } else if (
    !state.inHtml &&
    TAG_FIRST.test(line) &&
    (HTML_BLOCK_1_TO_6.test(line) || (!state.afterText && HTML_BLOCK_7.test(line)))
  ) {
    state.inHtml = true;
    state.htmlType = htmlBlockType(line);
  }
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
    headings.push({
      start,
      end,
      depth: match.depth,
      text: match.text,
      nested: depth > 0 || state.inHtml,
      swallowed: depth === 0 && state.inHtml && state.htmlType === 0,
    });
  state.afterText = /\S/.test(line) && !match && !state.inHtml;
  return false;
}
