// Blocks whose facts (images, `<img>` tags, setext headings) their lines already tell, exactly as micromark would
// give them: most blocks of a report, read without micromark's set-up and its 1 MB/s.
import { type Block, blockToReport, UNDERLINE } from './blocks.js';
import { findHtmlImages } from './linear-scan.js';
import type { Point, QuestionSection } from './model.js';

/**
 * A line of nothing but images with plain alt text and a plain path (no brackets, backslashes, backticks, angle
 * brackets, spaces or titles): no markdown construct can read it other than as images. Most screenshot lines
 * look like this, and reading them directly spares micromark's start-up on a cold CLI run.
 */
const PLAIN_IMAGE_LINE = /^[ \t>]*(?:!\[[^[\]\\`<>\n]*\]\([^()\s\\`<>]+\)[ \t]*)+$/;
/** A plain image, its path also in angle brackets (`<a b.png>`) and with a plain title (`"Title"`). */
const PLAIN_IMAGE = /!\[([^[\]\\`<>\n]*)\]\((?:<([^<>\n\\&]+)>|([^()\s\\`<>]+))(?: +"[^"\n\\`<>[\]&]*")?\)/g;

/**
 * What a line may keep besides its plain images for them to stay images wherever they stand in it: none of
 * `[`, `]`, `\`, `` ` ``, `<` (links, escapes, code spans, HTML and autolinks), `~~~` (a fence; `~32` is text), a tab or four
 * spaces (after a list marker, indented code). Students write `--- ![a](b) ---` (the template's placeholder
 * marks left around the image) and images inside sentences.
 */
const NOT_AROUND_IMAGES = /[[\]\\`<\t]| {4}|~~~/;

/** An alt text with a `*`, or a `_` not inside a word: emphasis, which micromark leaves out of the alt. */
const EMPHASIS_IN_ALT = /!\[[^[\]\n]*(?:\*|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))/;

/** A plain image that is all of a link's text, `[![a](b.png)](b.png)` (not itself in an image's alt text). */
const LINKED_IMAGE = new RegExp(`(?<!!)\\[${PLAIN_IMAGE.source}\\]\\([^()\\s\\\\\`<>]+\\)`, 'g');

/** Something like a character reference, `&amp;` or `&#38;` (a lone `&`, as in `W&B`, is text). */
const CHARACTER_REFERENCE = /&[#A-Za-z0-9]+;/;

/** Whether a line holding `![` has only plain images and text that leaves them images. */
function isPlainImageLine(line: string): boolean {
  // A character reference (`&amp;`) would change a path or an alt text as micromark reads it.
  if (CHARACTER_REFERENCE.test(line) || EMPHASIS_IN_ALT.test(line)) return false;
  if (PLAIN_IMAGE_LINE.test(line)) return true;
  return !NOT_AROUND_IMAGES.test(line.replace(LINKED_IMAGE, ' ').replace(PLAIN_IMAGE, ''));
}

/**
 * Whether every backtick run of a line closes within it: code spans pair an opening run with the next run of the
 * same length, so a run left open could close on a later line of the paragraph and hide the images between
 * (an even count is not enough: "a `` b" leaves its run open). A backslash before a run escapes one backtick but
 * is literal inside a code span, so a line with both is not judged.
 */
function backticksClose(line: string): boolean {
  if (!line.includes('`')) return true;
  if (line.includes('\\')) return false;
  const runs = line.match(/`+/g) ?? [];
  for (let i = 0; i < runs.length; i++) {
    let j = i + 1;
    while (j < runs.length && runs[j]?.length !== runs[i]?.length) j++;
    if (j === runs.length) return false;
    i = j;
  }
  return true;
}

/** Whether a text line next to image lines leaves them images: no code span or HTML can run on from it. */
function isInertText(line: string, first: boolean): boolean {
  // A `~~~` fence the line scan did not take for code (in an HTML block, say) would make the lines after it code.
  return (
    !line.includes('<') &&
    backticksClose(line) &&
    !/^[ \t>]*~~~/.test(line) &&
    (first || !UNDERLINE.test(line))
  );
}

/**
 * Records a block's images when each line holding `![` is a {@link isPlainImageLine} and every other line is
 * inert text; returns false when micromark must read the block.
 */
function collectPlainImages(
  section: QuestionSection,
  block: Block,
  pointAt: (offset: number) => Point,
): boolean {
  const lines = block.text.split('\n');
  // A first line of `---` or `===` underlines nothing: it is a thematic break or text.
  const plain = (line: string, i: number): boolean =>
    line.includes('![') ? isPlainImageLine(line) : isInertText(line, i === 0);
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
/** The block-level tag names of HTML blocks of type 6, as micromark lists them. */
const BLOCK_TAG_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|' +
  'div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|' +
  'legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|' +
  'td|tfoot|th|thead|title|tr|track|ul';
/** Type 6, a block-level tag, which runs to the next blank line: in a block, to its end. */
const HTML_BLOCK_TAG = new RegExp(`^</?(?:${BLOCK_TAG_NAMES})(?:[ \t>]|/>|$)`, 'i');
/**
 * The names of the tags that start HTML blocks of types 1 and 6, in lower case: made on first use (about 35 us of
 * every cold start otherwise), as only a line that is one whole tag asks.
 */
let tagNames: Set<string> | undefined;
/** An ATX heading's opening: one to six `#` and a space, a tab or the line's end. */
const ATX_OPENING = /^#{1,6}(?:[ \t]|$)/;
/** A thematic break of dashes (`- - -` too), which is not an {@link UNDERLINE} when it has inner spaces. */
const DASH_BREAK = /^(?:-[ \t]*){3,}$/;

/**
 * Whether a line (of a dedented block, outside HTML, neither underline nor heading) is paragraph text: its first
 * character starts no other block. Ruled out: list markers (`-`, `*` and `+` before a space or tab, or alone;
 * `1.`, `1)`), quotes, fences, thematic breaks of `*` and `_`, HTML, definitions (`[`) and a `-` break with
 * inner spaces.
 */
function startsParagraphText(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 0x2d) {
    const next = line.charCodeAt(1);
    return !Number.isNaN(next) && next !== 0x20 && next !== 0x09 && !DASH_BREAK.test(line);
  }
  if (c >= 0x30 && c <= 0x39) return !/^\d+[.)]/.test(line);
  // Space, tab and control characters; `*`, `+`, `_`, `>`, `` ` ``, `~`, `[`, `<`, `#` and `\uFEFF`.
  return c > 0x20 && !'*+_>`~[<#'.includes(line[0] ?? '') && c !== 0xfeff;
}

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

const isSpaceTab = (c: number): boolean => c === 0x20 || c === 0x09;
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
  if (!(i === line.length || c === 0x2f || c === 0x3e || isSpaceTab(c))) return false;
  tagNames ??= new Set([...BLOCK_TAG_NAMES.split('|'), 'pre', 'script', 'style', 'textarea']);
  if (tagNames.has(line.slice(name, i).toLowerCase())) return false;
  // Attributes (an open tag's only): `before` a name, or `after` one, where `=` and a value may follow.
  for (let before = !closing; ;) {
    const code = line.charCodeAt(i);
    if (isSpaceTab(code)) i++;
    else if (before && code === 0x2f) {
      i++;
      break;
    } else if (before && (code === 0x3a || code === 0x5f || isAsciiAlpha(code))) {
      while (isAttributeNameChar(line.charCodeAt(++i)));
      before = false;
    } else if (!before && !closing && code === 0x3d) {
      while (isSpaceTab(line.charCodeAt(++i)));
      const value = line.charCodeAt(i);
      if (Number.isNaN(value) || value === 0x3c || value === 0x3d || value === 0x3e || value === 0x60)
        return false;
      if (value === 0x22 || value === 0x27) {
        const close = line.indexOf(line[i] as string, i + 1);
        const next = close === -1 ? Number.NaN : line.charCodeAt(close + 1);
        if (!(next === 0x2f || next === 0x3e || isSpaceTab(next))) return false;
        [i, before] = [close + 1, true];
      } else while (!endsUnquoted(line.charCodeAt(i))) i++;
    } else if (!before && !closing) before = true;
    else break;
  }
  if (line.charCodeAt(i) !== 0x3e) return false;
  for (i++; isSpaceTab(line.charCodeAt(i)); i++);
  return i === line.length;
}

/** Whether a line is a setext underline or thematic break here (not in a quote). */
const isUnderline = (line: string): boolean => UNDERLINE.test(line) && !line.startsWith('>');

/**
 * Records the images, `<img>` tags and setext headings of a block made of paragraphs, setext underlines,
 * thematic breaks of dashes, ATX headings without images or tags, and HTML blocks of types 1, 2 and 6 (the
 * `<pre>` tables, comments and `<p>`/`<h4>` wrappers of reports), read line by line as micromark reads them; returns
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
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isUnderline(line)) {
      if (paragraph !== -1)
        headings.push({ line: at(lineStart(paragraph)).line, underline: at(lineStart(i)).line });
      else if (/^-[ \t]*$/.test(line)) return false; // an empty list item
      // With no paragraph to underline, `=` and `--` start one and three or more dashes are a thematic break.
      paragraph = paragraph === -1 && (line.startsWith('=') || /^--[ \t]*$/.test(line)) ? i : -1;
    } else if (line.startsWith('<')) {
      // A type-7 block (it cannot interrupt a paragraph) runs to the next blank line: in a block, to its end.
      const end = htmlBlockEnd(lines, i);
      const last = end === -1 && paragraph === -1 && isCompleteTag(line) ? lines.length - 1 : end;
      if (last === -1) return false;
      pushHtmlImages(images, lines.slice(i, last + 1).join('\n'), lineStart(i), at);
      [paragraph, i] = [-1, last];
    } else if (line.startsWith('#')) {
      if (!ATX_OPENING.test(line) || line.includes('![') || line.includes('<')) return false;
      paragraph = -1;
    } else {
      if (!startsParagraphText(line)) return false;
      if (line.includes('![') ? !isPlainImageLine(line) : !isInertText(line, true)) return false;
      if (paragraph === -1) paragraph = i;
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
  for (const match of line.includes('![') ? line.matchAll(PLAIN_IMAGE) : []) {
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
