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

/**
 * ATX headings outside fenced code and front matter, found line by line. The report's skeleton is all `#`
 * headings, and a line scan finds them at a fraction of micromark's cost (micromark runs at about 1 MB/s here).
 */
export function scanLines(text: string, starts: number[]): { headings: Heading[]; code: Uint8Array } {
  const headings: Heading[] = [];
  // 1 for lines of front matter and fenced code (fences included): no markdown there.
  const code = new Uint8Array(starts.length);
  let fence: Fence | null = null;
  let index = frontMatterEnd(text, starts);
  code.fill(1, 0, index);
  // Where the content of the list item being read starts (null outside lists): a fence indented that far sits
  // in the item and ends with it.
  let listContent: number | null = null;
  let inHtml = false;
  // Whether the line before continues a paragraph, which a type-7 HTML block cannot interrupt.
  let afterText = false;
  for (; index < starts.length; index++) {
    const start = starts[index] ?? 0;
    const end = lineEnd(text, start);
    // An empty line outside a fence only ends an HTML block and a paragraph: a million of them cost a second.
    if (start === end && !fence) {
      [inHtml, afterText] = [false, false];
      continue;
    }
    const line = text.slice(start, end);
    const open = FENCE.exec(line);
    const depth = quoteDepth(line);
    if (fence) {
      const state = fenceLine(fence, line, open, depth);
      if (state !== 'leaving') {
        code[index] = 1;
        if (state === 'closes') [fence, afterText] = [null, false];
        continue;
      }
      fence = null;
    }
    // An HTML block runs to the next blank line (for types 1–5 an approximation); a fence line in it is HTML
    // text, not code. Only fences care: headings are found anyway, as the course checker finds `###`.
    if (!/\S/.test(line)) inHtml = false;
    else if (!inHtml && (HTML_BLOCK_1_TO_6.test(line) || (!afterText && HTML_BLOCK_7.test(line))))
      inHtml = true;
    const item = LIST_ITEM.exec(line);
    if (item) listContent = item[0].length;
    else if (/^[^\s>]/.test(line)) listContent = null;
    // A backtick fence's info string cannot hold a backtick: "```text```" is inline code, not a fence.
    if (open && !inHtml && !(open[3]?.startsWith('`') && line.slice(open[0].length).includes('`'))) {
      afterText = false;
      const inList = listContent !== null && (open[1]?.length ?? 0) >= listContent;
      fence = { marker: open[3] ?? '```', inList, depth };
      code[index] = 1;
      continue;
    }
    const match = atxHeading(line);
    if (match)
      headings.push({ start, end, depth: match.depth, text: match.text, nested: depth > 0 || inHtml });
    afterText = /\S/.test(line) && !match && !inHtml;
  }
  return { headings, code };
}
