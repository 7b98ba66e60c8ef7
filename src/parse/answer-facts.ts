import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import { type Block, blockToReport } from './blocks.js';
import { findHtmlImages } from './linear-scan.js';
import type { Point, QuestionSection } from './model.js';
import { collectWithoutParser } from './plain-lines.js';

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

/** Records a block's facts as micromark reads them (no budget); returns the parse error, or null. */
export function collectWithParser(
  section: QuestionSection,
  block: Block,
  pointAt: (offset: number) => Point,
): string | null {
  const tree = parseMarkdown(block.text);
  if ('error' in tree) return tree.error;
  collectNodeFacts(section, tree, block, pointAt);
  return null;
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
    if (collectWithoutParser(section, block, pointAt)) continue;
    const tooComplex = tooComplexToParse(block.text, budget);
    const tree = tooComplex ? { error: tooComplex } : parseMarkdown(block.text);
    if ('error' in tree) failure ??= tree.error;
    else collectNodeFacts(section, tree, block, pointAt);
  }
  return failure;
}
