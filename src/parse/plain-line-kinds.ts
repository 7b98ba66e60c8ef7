// Which lines of a block read the same to micromark as to a line scan: images that stay images, text that hides
// none, the first characters that start paragraph text or a bullet item of text. plain-lines.ts reads blocks by
// these tests.
import { UNDERLINE } from './blocks.js';

/**
 * A line of nothing but images with plain alt text and a plain path (no brackets, backslashes, backticks, angle
 * brackets, spaces or titles): no markdown construct can read it other than as images. Most screenshot lines
 * look like this, and reading them directly spares micromark's start-up on a cold CLI run.
 */
const PLAIN_IMAGE_LINE = /^[ \t>]*(?:!\[[^[\]\\`<>\n]*\]\([^()\s\\`<>]+\)[ \t]*)+$/;
/** A plain image, its path also in angle brackets (`<a b.png>`) and with a plain title (`"Title"`). */
export const PLAIN_IMAGE =
  /!\[([^[\]\\`<>\n]*)\]\((?:<([^<>\n\\&]+)>|([^()\s\\`<>]+))(?: +"[^"\n\\`<>[\]&]*")?\)/g;

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

/**
 * A line break tag, `<br>`, `<br/>` or `<br />` (any case): inline HTML that is a complete tag by itself, so it
 * hides nothing around it. Students end lines with it (`![a](b.png)<br />`).
 */
const LINE_BREAK_TAG = /<br[ \t]*\/?>/gi;

/**
 * `rest` (what is left of `line` once its images are taken out) without its line break tags, unless `line` starts
 * with a `<` (after quote markers): a tag alone on its line starts an HTML block, whose lines are no images.
 */
function withoutLineBreaks(line: string, rest: string): string {
  return rest.includes('<') && !/^[ \t>]*</.test(line) ? rest.replace(LINE_BREAK_TAG, '') : rest;
}

/**
 * An image left open at the end of a line, `![alt](path` (a forgotten `)`): on the last line of a paragraph, with
 * no definition for its `[alt]` to refer to, micromark reads it as text (a title or the `)` could only follow on
 * the next line).
 */
const OPEN_IMAGE_AT_END = /!\[[^[\]\\`<>\n]*\]\([^()\s\\`<>]*[ \t]*$/;

/**
 * Whether a line holding `![` has only plain images and text that leaves them images; `last`: it ends its
 * paragraph and the block has no definitions (an image left open at its end is then text).
 */
export function isPlainImageLine(line: string, last = false): boolean {
  // A character reference (`&amp;`) would change a path or an alt text as micromark reads it.
  if (CHARACTER_REFERENCE.test(line) || EMPHASIS_IN_ALT.test(line)) return false;
  if (PLAIN_IMAGE_LINE.test(line)) return true;
  // No plain image reaches into an open one: neither its alt text nor its path can hold a bracket.
  const open = last ? line.search(OPEN_IMAGE_AT_END) : -1;
  const kept = open === -1 ? line : line.slice(0, open);
  return !NOT_AROUND_IMAGES.test(
    withoutLineBreaks(line, kept.replace(LINKED_IMAGE, ' ').replace(PLAIN_IMAGE, '')),
  );
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
export function isInertText(line: string, first: boolean): boolean {
  // A `~~~` fence the line scan did not take for code (in an HTML block, say) would make the lines after it code.
  return (
    !withoutLineBreaks(line, line).includes('<') &&
    backticksClose(line) &&
    !/^[ \t>]*~~~/.test(line) &&
    (first || !UNDERLINE.test(line))
  );
}

/** A thematic break of dashes (`- - -` too), which is not an {@link UNDERLINE} when it has inner spaces. */
const DASH_BREAK = /^(?:-[ \t]*){3,}$/;

/**
 * Whether a line (of a dedented block, outside HTML, neither underline nor heading) is paragraph text: its first
 * character starts no other block. Ruled out: list markers (`-`, `*` and `+` before a space or tab, or alone;
 * `1.`, `1)`), quotes, fences, thematic breaks of `*` and `_`, HTML, definitions (`[`) and a `-` break with
 * inner spaces.
 */
export function startsParagraphText(line: string): boolean {
  const c = line.charCodeAt(0);
  if (c === 0x2d) {
    const next = line.charCodeAt(1);
    return !Number.isNaN(next) && next !== 0x20 && next !== 0x09 && !DASH_BREAK.test(line);
  }
  if (c >= 0x30 && c <= 0x39) return !/^\d+[.)]/.test(line);
  // Space, tab and control characters; `*`, `+`, `_`, `>`, `` ` ``, `~`, `[`, `<`, `#` and `\uFEFF`.
  return c > 0x20 && !'*+_>`~[<#'.includes(line[0] ?? '') && c !== 0xfeff;
}

/** A bullet list item's marker and the one to four spaces before its content (five would start indented code). */
const BULLET = /^[-*+] {1,4}(?=\S)/;

/** A thematic break of `*`, `-` or `_` (three or more, spaces and tabs between): it wins over a list item. */
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/**
 * Whether a line is a bullet list item whose content is one line of paragraph text with no image or tag in it
 * (students list who did what): the whole line is no thematic break (`- --` is one), and its content starts no
 * other block (a nested list, a quote, a fence, a thematic break such as `- - -`).
 */
export function isTextItem(line: string): boolean {
  if (THEMATIC_BREAK.test(line)) return false;
  const marker = BULLET.exec(line);
  if (!marker) return false;
  const content = line.slice(marker[0].length);
  return startsParagraphText(content) && !content.includes('![') && isInertText(content, true);
}
