// Blocks whose facts (images, `<img>` tags, setext headings) their lines already tell, exactly as micromark would
// give them: most blocks of a report, read without micromark's set-up and its 1 MB/s.
import { type Block, blockToReport, UNDERLINE } from './blocks.js';
import { findHtmlImages, isBlankCode } from './linear-scan.js';
import { BLOCK_TAG_NAMES, RAW_TEXT_TAG_NAMES } from './scan-patterns.js';
import type { Point, QuestionSection } from './model.js';
import {
  isInertText,
  isPlainImageLine,
  isTextItem,
  PLAIN_IMAGE,
  startsParagraphText,
} from './plain-line-kinds.js';

/**
 * Records a block's images when each line holding `![` is a {@link isPlainImageLine} and every other line is
 * inert text; returns false when micromark must read the block.
 */
function collectPlainImages(
  section: QuestionSection,
  block: Block,
  pointAt: (offset: number) => Point,
): boolean {
  // A link reference definition's title may run on to the next line and take its text, images included
  // (`[a]: c.png` then `"x ![b](d.png)"`): a block that may hold one is micromark's to read.
  if (block.text.includes(']:')) return false;
  const lines = block.text.split('\n');
  // The block's text ends with a line end: its last line is the one before the empty string after it.
  const last = lines.length - 2;
  // A first line of `---` or `===` underlines nothing: it is a thematic break or text.
  const plain = (line: string, i: number): boolean =>
    line.includes('![') ? isPlainImageLine(line, i === last) : isInertText(line, i === 0);
  if (!lines.every(plain)) return false;
  let offset = 0;
  for (const line of lines) {
    pushPlainImages(section.imageRefs, line, offset, (at) => pointAt(blockToReport(block, at)));
    offset += line.length + 1;
  }
  return true;
}

/** CommonMark HTML block type 1 (raw text), which runs to the line holding any of the four end tags. */
const HTML_RAW_START = /^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML_RAW_END = /<\/(?:script|pre|style|textarea)>/i;
/** Type 2, a comment, which runs to the line holding `-->` (`<!-->` and `<!--->` are left to micromark). */
const HTML_COMMENT_START = /^<!--(?!-?>)/;

/** Type 6, a block-level tag, which runs to the next blank line: in a block, to its end. */
const HTML_BLOCK_TAG = new RegExp(`^</?(?:${BLOCK_TAG_NAMES.join('|')})(?:[ \t>]|/>|$)`, 'i');
/**
 * The names of the tags that start HTML blocks of types 1 and 6, in lower case: made on first use (about 35 us of
 * every cold start otherwise), as only a line that is one whole tag asks.
 */
let tagNames: Set<string> | undefined;
/** An ATX heading's opening: one to six `#` and a space, a tab or the line's end. */
const ATX_OPENING = /^#{1,6}(?:[ \t]|$)/;
/**
 * The last line of the HTML block (types 1, 2 and 6) that starts on line `first`, or -1 when the line starts none
 * of these. An end condition may be met on the first line (after the comment's own `<!--`); a block not ended
 * runs to the end of the text, as does a type-6 block, which ends only at a blank line.
 */
function htmlBlockEnd(lines: string[], first: number): number {
  const line = lines[first] ?? '';
  const end = HTML_RAW_START.test(line) ? HTML_RAW_END : HTML_COMMENT_START.test(line) ? /-->/ : null;
  if (!end) return HTML_BLOCK_TAG.test(line) ? lines.length - 1 : -1;
  if (end.test(line.slice(end === HTML_RAW_END ? 0 : 4))) return first;
  let last = first + 1;
  while (last < lines.length && !end.test(lines[last] ?? '')) last++;
  return Math.min(last, lines.length - 1);
}

const isAsciiAlpha = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAsciiAlphanumeric = (c: number): boolean => isAsciiAlpha(c) || (c >= 0x30 && c <= 0x39);
/** What ends an unquoted attribute value for micromark: the line's end, `"`, `'`, `/`, `<`, `=`, `>`, `` ` ``, a blank. */
const UNQUOTED_ENDS = new Uint8Array(0x80);
for (const ch of '"\'/<=>` \t') UNQUOTED_ENDS[ch.charCodeAt(0)] = 1;
const endsUnquoted = (c: number): boolean => Number.isNaN(c) || (c < 0x80 && UNQUOTED_ENDS[c] === 1);
const isAttributeNameChar = (c: number): boolean =>
  c === 0x2d || c === 0x2e || c === 0x3a || c === 0x5f || isAsciiAlphanumeric(c);

/**
 * Whether a line is one complete open or closing tag (and spaces and tabs) whose name is no raw-text or block tag's:
 * an HTML block of type 7, read state by state as micromark's html-flow reads it (an `<img …/>` line need not wait
 * for micromark's set-up).
 */
function isCompleteTag(line: string): boolean {
  const closing = line.charCodeAt(1) === 0x2f;
  let i = closing ? 2 : 1;
  const name = i;
  if (!isAsciiAlpha(line.charCodeAt(i))) return false;
  while (line.charCodeAt(i) === 0x2d || isAsciiAlphanumeric(line.charCodeAt(i))) i++;
  const c = line.charCodeAt(i);
  if (!(i === line.length || c === 0x2f || c === 0x3e || isBlankCode(c))) return false;
  tagNames ??= new Set([...BLOCK_TAG_NAMES, ...RAW_TEXT_TAG_NAMES]);
  if (tagNames.has(line.slice(name, i).toLowerCase())) return false;
  // Attributes (an open tag's only): `before` a name, or `after` one, where `=` and a value may follow.
  for (let before = !closing; ;) {
    const code = line.charCodeAt(i);
    if (isBlankCode(code)) i++;
    else if (before && code === 0x2f) {
      i++;
      break;
    } else if (before && (code === 0x3a || code === 0x5f || isAsciiAlpha(code))) {
      while (isAttributeNameChar(line.charCodeAt(++i)));
      before = false;
    } else if (!before && !closing && code === 0x3d) {
      while (isBlankCode(line.charCodeAt(++i)));
      const value = line.charCodeAt(i);
      if (Number.isNaN(value) || value === 0x3c || value === 0x3d || value === 0x3e || value === 0x60)
        return false;
      if (value === 0x22 || value === 0x27) {
        const close = line.indexOf(line[i] as string, i + 1);
        const next = close === -1 ? Number.NaN : line.charCodeAt(close + 1);
        if (!(next === 0x2f || next === 0x3e || isBlankCode(next))) return false;
        i = close + 1;
        before = true;
      } else while (!endsUnquoted(line.charCodeAt(i))) i++;
    } else if (!before && !closing) before = true;
    else break;
  }
  if (line.charCodeAt(i) !== 0x3e) return false;
  for (i++; isBlankCode(line.charCodeAt(i)); i++);
  return i === line.length;
}

/** Whether a line is a setext underline or thematic break here (not in a quote). */
const isUnderline = (line: string): boolean => UNDERLINE.test(line) && !line.startsWith('>');

/**
 * Records the images, `<img>` tags and setext headings of a block made of paragraphs, bullet list items of one
 * line of text ({@link isTextItem}), setext underlines, thematic breaks of dashes, ATX headings without images or
 * tags, and HTML blocks of types 1, 2, 6 and 7 (the `<pre>` tables, comments, `<p>`/`<h4>` wrappers and lone `<img>`
 * tags of reports), read line by line as micromark reads them; returns
 * false, having recorded nothing, for any other line (micromark then reads the block). The images of each
 * paragraph are read as {@link collectPlainImages} reads them, by the same tests on its lines.
 */
function collectLineStructure(
  section: QuestionSection,
  block: Block,
  pointAt: (offset: number) => Point,
): boolean {
  // A blank line ends an HTML block (definitions are appended after one): not judged here.
  const lines = block.text.slice(0, -1).split('\n');
  if (lines.some((line) => /^[ \t]*$/.test(line))) return false;
  const at = (offset: number): Point => pointAt(blockToReport(block, offset));
  const images: QuestionSection['imageRefs'] = [];
  const headings: QuestionSection['setextHeadings'] = [];
  const lineStart = (i: number): number => block.starts[i] ?? 0;
  // The first line of the paragraph being read, or -1.
  let paragraph = -1;
  // Whether the paragraph being read is a list item's: the block is dedented, so a line of text after it continues
  // it lazily, and an underline, which cannot be lazy, makes no heading of it.
  let lazy = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (lazy && isUnderline(line)) {
      // `===` is lazy text of the item; three or more dashes are a thematic break, which ends the list.
      if (!line.startsWith('=') && !/^-{3,}[ \t]*$/.test(line)) return false;
      lazy = line.startsWith('=');
    } else if (isUnderline(line)) {
      if (paragraph !== -1)
        headings.push({ line: at(lineStart(paragraph)).line, underline: at(lineStart(i)).line });
      // With no paragraph to underline, `=` and `--` start one, three or more dashes are a thematic break, and
      // `-` alone is an empty list item: nothing can be in it, as the line after it stands at column 0.
      paragraph = paragraph === -1 && (line.startsWith('=') || /^--[ \t]*$/.test(line)) ? i : -1;
    } else if (lazy && line.startsWith('<')) {
      return false;
    } else if (line.startsWith('<')) {
      // A type-7 block (it cannot interrupt a paragraph) runs to the next blank line: in a block, to its end.
      const end = htmlBlockEnd(lines, i);
      const last = end === -1 && paragraph === -1 && isCompleteTag(line) ? lines.length - 1 : end;
      if (last === -1) return false;
      pushHtmlImages(images, lines.slice(i, last + 1).join('\n'), lineStart(i), at);
      paragraph = -1;
      i = last;
    } else if (line.startsWith('#')) {
      if (!ATX_OPENING.test(line) || line.includes('![') || line.includes('<')) return false;
      paragraph = -1;
      lazy = false;
    } else if (isTextItem(line)) {
      // A bullet item of text interrupts a paragraph, which is then no heading; a later underline is not its.
      paragraph = -1;
      lazy = true;
    } else {
      if (!startsParagraphText(line)) return false;
      if (line.includes('![') ? !isPlainImageLine(line) : !isInertText(line, true)) return false;
      if (paragraph === -1 && !lazy) paragraph = i;
      pushPlainImages(images, line, lineStart(i), at);
    }
  }
  section.imageRefs.push(...images);
  section.setextHeadings.push(...headings);
  return true;
}

/** Records the `<img>` tags of an HTML node whose value starts at `start` in its block. */
function pushHtmlImages(
  images: QuestionSection['imageRefs'],
  value: string,
  start: number,
  at: (offset: number) => Point,
): void {
  for (const match of findHtmlImages(value)) {
    const offset = start + match.index;
    images.push({ src: match.src, alt: '', kind: 'html', start: at(offset), end: at(offset + match.length) });
  }
}

/** Records the {@link PLAIN_IMAGE}s of a line that starts at `start` in its block. */
function pushPlainImages(
  images: QuestionSection['imageRefs'],
  line: string,
  start: number,
  at: (offset: number) => Point,
): void {
  // Most lines have no image: they return before any iterator is made (a for-of over an empty array made one).
  if (!line.includes('![')) return;
  for (const match of line.matchAll(PLAIN_IMAGE)) {
    const offset = start + match.index;
    images.push({
      src: match[2] ?? match[3] ?? '',
      alt: match[1] ?? '',
      kind: 'markdown',
      start: at(offset),
      end: at(offset + match[0].length),
    });
  }
}

/**
 * Records a block's facts from its lines where they are provably what micromark would give; returns false, having
 * recorded nothing, where micromark must read it. Exported for the tests that compare the two.
 */
export function collectWithoutParser(
  section: QuestionSection,
  block: Block,
  pointAt: (offset: number) => Point,
): boolean {
  // A CR is a line end to micromark, and a BOM starting the text is dropped by it (moving every offset).
  if (/[\r\uFEFF]/.test(block.text)) return false;
  return collectPlainImages(section, block, pointAt) || collectLineStructure(section, block, pointAt);
}
