import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import { type Block, blockToReport, UNDERLINE } from './blocks.js';
import { findHtmlImages } from './linear-scan.js';
import type { Point, QuestionSection } from './model.js';

/** Parses markdown into mdast, or returns the reason it could not (micromark recurses on deep nesting). */
function parseMarkdown(text: string): Root | { error: string } {
  try {
    return fromMarkdown(text);
  } catch (error) {
    return { error: error instanceof RangeError ? 'markdown nested too deeply to parse' : String(error) };
  }
}

/** Every node in document order, without recursion (deeply nested trees must not overflow the stack). */
function* walk(root: Root): Generator<Nodes> {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop() as Nodes;
    yield node;
    if ('children' in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
}

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
 * `[`, `]`, `\`, `` ` ``, `<` (links, escapes, code spans, HTML and autolinks), `~` (a fence), a tab or four
 * spaces (after a list marker, indented code). Students write `--- ![a](b) ---` (the template's placeholder
 * marks left around the image) and images inside sentences.
 */
const NOT_AROUND_IMAGES = /[[\]\\`<~\t]| {4}/;

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

/** Whether a text line next to image lines leaves them images: no code span or HTML can run on from it. */
function isInertText(line: string, first: boolean): boolean {
  return !line.includes('<') && (line.split('`').length - 1) % 2 === 0 && (first || !UNDERLINE.test(line));
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
    for (const match of line.includes('![') ? line.matchAll(PLAIN_IMAGE) : []) {
      section.imageRefs.push({
        src: match[2] ?? match[3] ?? '',
        alt: match[1] ?? '',
        kind: 'markdown',
        start: pointAt(blockToReport(block, offset + match.index)),
        end: pointAt(blockToReport(block, offset + match.index + match[0].length)),
      });
    }
    offset += line.length + 1;
  }
  return true;
}

/** Deeper nesting than any report needs; micromark's time grows fast with it (20,000 quotes: over a second). */
const MAX_NESTING = 64;
const TOO_DEEP = new RegExp(
  `(?:>[ \\t]*){${MAX_NESTING},}|(?:[-*+][ \\t]+){${MAX_NESTING},}|[[(]{${MAX_NESTING},}|^[ \\t]{${MAX_NESTING * 2},}\\S`,
  'm',
);

/** More link or image openers than any answer needs; micromark's time is quadratic in open brackets. */
const MAX_BRACKETS = 1000;

/**
 * Characters of a report micromark reads at most. It runs at 0.5–2 s per MiB (HTML-like text is the slowest),
 * so a 1 MiB block of `<img` alone took 2 s; the blocks it reads in the largest report of the corpus (52 KB in
 * all) are far smaller. Blocks past the budget are not parsed, and markdown-unparsed says so.
 */
export const MAX_PARSED_CHARS = 64 * 1024;

/** What one parse costs of the budget besides its text: at most 128 parses per report. */
const PARSE_OVERHEAD_CHARS = 512;

/** What is left of a report's {@link MAX_PARSED_CHARS}, shared by its questions. */
export interface ParseBudget {
  left: number;
}

/** Why an answer is not given to micromark (it would take seconds to minutes), or null. */
function tooComplexToParse(region: string, budget: ParseBudget): string | null {
  if (region.length > budget.left)
    return `more than ${MAX_PARSED_CHARS / 1024} KiB of markdown around images and headings to parse`;
  // Each parse also costs micromark's set-up: 13,000 small blocks of `<img` took a minute.
  budget.left -= region.length + PARSE_OVERHEAD_CHARS;
  if (TOO_DEEP.test(region)) return `markdown nested more than ${MAX_NESTING} levels deep`;
  let brackets = 0;
  for (let i = region.indexOf('['); i !== -1; i = region.indexOf('[', i + 1)) {
    if (++brackets > MAX_BRACKETS) return `more than ${MAX_BRACKETS} "[" in one answer`;
  }
  return null;
}

function collectNodeFacts(
  section: QuestionSection,
  tree: Root,
  block: Block,
  pointAt: (offset: number) => Point,
): void {
  const at = (offset: number): Point => pointAt(blockToReport(block, offset));
  for (const node of walk(tree)) {
    const position = node.position;
    if (position?.start.offset === undefined || position.end.offset === undefined) continue;
    const start = position.start.offset;
    const end = position.end.offset;
    if (node.type === 'image') {
      section.imageRefs.push({
        src: node.url,
        alt: node.alt ?? '',
        kind: 'markdown',
        start: at(start),
        end: at(end),
      });
    } else if (node.type === 'imageReference') {
      section.imageRefs.push({
        src: '',
        alt: node.alt ?? '',
        kind: 'reference',
        start: at(start),
        end: at(end),
      });
    } else if (node.type === 'html') {
      for (const match of findHtmlImages(node.value)) {
        section.imageRefs.push({
          src: match.src,
          alt: '',
          kind: 'html',
          start: at(start + match.index),
          end: at(start + match.index + match.length),
        });
      }
    } else if (node.type === 'heading' && !/^[ \t>]*#/.test(block.text.slice(start, end))) {
      section.setextHeadings.push({ line: at(start).line, underline: at(Math.max(start, end - 1)).line });
    }
  }
}

/**
 * Records the images and setext headings of an answer's blocks in its section; returns why a block could not be
 * parsed, or null. `budget` is the report's (one per report, so that many answers cannot add up to seconds).
 */
export function collectBlockFacts(
  section: QuestionSection,
  blocks: Block[],
  pointAt: (offset: number) => Point,
  budget: ParseBudget = { left: MAX_PARSED_CHARS },
): string | null {
  let failure: string | null = null;
  for (const block of blocks) {
    if (collectPlainImages(section, block, pointAt)) continue;
    const tooComplex = tooComplexToParse(block.text, budget);
    const tree = tooComplex ? { error: tooComplex } : parseMarkdown(block.text);
    if ('error' in tree) failure ??= tree.error;
    else collectNodeFacts(section, tree, block, pointAt);
  }
  return failure;
}
