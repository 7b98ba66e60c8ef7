import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';
import { countPythonImages, countPythonWords } from './course-checker.js';
import { atxHeading, findHtmlImages, isMarkerLine, withoutImages, withoutTags } from './linear-scan.js';

/** A place in the report: 1-based line and column. */
export interface Point {
  line: number;
  column: number;
}

/** An image in an answer, as markdown renders it. */
export interface ImageRef {
  src: string;
  alt: string;
  /** `markdown` = `![alt](src)`; `html` = an `<img>` tag; `reference` = `![alt][ref]` (both not counted by the course checker). */
  kind: 'markdown' | 'html' | 'reference';
  start: Point;
  end: Point;
}

/** One `### Question N` section of the report and what its answer contains. */
export interface QuestionSection {
  number: number;
  heading: { start: Point; end: Point; text: string };
  /** Offsets of the section in the text: from the heading to the next heading of level 1-3. */
  start: number;
  end: number;
  /** Offsets just after each `Answer:` in the section (normally exactly one). */
  markers: number[];
  /** The answer's text as the course checker would cut it from this section's first `Answer:`, or null. */
  answer: { start: number; end: number; text: string } | null;
  words: number;
  images: number;
  /** Words of rendered prose only: no markers, placeholders, image syntax, code or HTML. */
  proseWords: number;
  imageRefs: ImageRef[];
  /** Lines where the template's `--- question N fill here ---` placeholder is still there. */
  placeholderLines: number[];
  /** Lines that still start or end with the template's `---` marker around the answer's text. */
  markerLines: number[];
  /** Text that a `---` (or `===`) line right under it turns into a heading: its first line and the underline's. */
  setextHeadings: { line: number; underline: number }[];
  answered: boolean;
}

/** A report as report-check sees it: the text, its line index and its question sections in document order. */
export interface ReportModel {
  text: string;
  questions: QuestionSection[];
  /**
   * `Question N` headings that stand inside an answer (see questionStarts): the page shows them as headings, the
   * course checker reads them as words of that answer, or cuts the answer there when they have `##`.
   */
  headingsInAnswers: { line: number; depth: number; number: number; text: string }[];
  /** Set when the markdown could not be parsed (e.g. pathological nesting) and only the text was read. */
  parseFailure: string | null;
  /** Converts an offset in `text` into a line and column. */
  pointAt(offset: number): Point;
  /** Number of lines in the report (at least 1, even for an empty file). */
  lineCount: number;
}

const QUESTION_HEADING = /^\s*question\s+(\d+)/i;
const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;
const ANSWER = 'Answer:';

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function makePointAt(starts: number[]): (offset: number) => Point {
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** Parses markdown into mdast, or returns the reason it could not (micromark recurses on deep nesting). */
function parseMarkdown(text: string): Root | { error: string } {
  try {
    return fromMarkdown(text);
  } catch (error) {
    return { error: error instanceof RangeError ? 'markdown nested too deeply to parse' : String(error) };
  }
}

interface Heading {
  start: number;
  end: number;
  depth: number;
  text: string;
  /** Inside a block quote or an HTML block: the page shows it quoted or as raw HTML, not as the report's own heading. */
  nested: boolean;
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

/** How many `>` quote markers open a line. */
function quoteDepth(line: string): number {
  let i = 0;
  while (i < 3 && (line[i] === ' ' || line[i] === '\t')) i++;
  let depth = 0;
  while (line[i] === '>') {
    depth++;
    i++;
    if (line[i] === ' ' || line[i] === '\t') i++;
  }
  return depth;
}

/**
 * ATX headings outside fenced code and front matter, found line by line. The report's skeleton is all `#`
 * headings, and a line scan finds them at a fraction of micromark's cost (micromark runs at about 1 MB/s here).
 */
function scanLines(text: string, starts: number[]): { headings: Heading[]; code: Uint8Array } {
  const headings: Heading[] = [];
  // 1 for lines of front matter and fenced code (fences included): no markdown there.
  const code = new Uint8Array(starts.length);
  let fence: { marker: string; inList: boolean; depth: number } | null = null;
  let index = 0;
  if (
    /^\uFEFF?---[ \t]*$/.test(text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')))
  ) {
    // Skip front matter: up to the next `---` line.
    for (index = 1; index < starts.length; index++) {
      const s = starts[index] ?? 0;
      if (/^---[ \t]*$/.test(text.slice(s, lineEnd(text, s)))) break;
    }
    index = index < starts.length ? index + 1 : 1;
    code.fill(1, 0, index);
  }
  // Where the content of the list item being read starts (null outside lists): a fence indented that far sits
  // in the item and ends with it.
  let listContent: number | null = null;
  let inHtml = false;
  // Whether the line before continues a paragraph, which a type-7 HTML block cannot interrupt.
  let afterText = false;
  for (; index < starts.length; index++) {
    const start = starts[index] ?? 0;
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    const open = FENCE.exec(line);
    const depth = quoteDepth(line);
    if (fence) {
      const closes =
        open &&
        depth === fence.depth &&
        open[3]?.[0] === fence.marker[0] &&
        (open[3]?.length ?? 0) >= fence.marker.length &&
        !/\S/.test(line.slice(open[0].length));
      if (closes) {
        fence = null;
        code[index] = 1;
        afterText = false;
        continue;
      }
      // A fence in a list item ends with the item, at a line starting at column 0; a fence in a quote ends with
      // the quote, at a line with fewer `>` (code takes no lazy lines). CommonMark renders it so.
      const leftContainer = (fence.inList && /^[^\s>]/.test(line)) || depth < fence.depth;
      if (!leftContainer) {
        code[index] = 1;
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
      fence = {
        marker: open[3] ?? '```',
        inList: listContent !== null && (open[1]?.length ?? 0) >= listContent,
        depth,
      };
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

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** A line with image syntax or an `<img>` tag, which code spans can hide: only micromark tells. */
const IMAGE_LIKE = /!\[|<img/i;
/** A link reference definition, `[label]: url`. */
const DEFINITION = /^[ \t>]*\[[^\]]+\]:/;
/** A `---`/`===` line, which turns text right above it into a (setext) heading. */
const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/;

/** One run of non-blank lines of an answer, dedented, with the offset in the report where each line starts. */
interface Block {
  text: string;
  /** Offset in `text` of each block line's start. */
  starts: number[];
  /** Offset in the report of each block line's first kept character. */
  origins: number[];
}

/**
 * The blocks (runs of non-blank lines outside code) of an answer that hold an image, an `<img>` or a setext
 * underline: all micromark needs to see. micromark runs at about 1 MB/s here, slower still before the JIT
 * warms up, so parsing whole reports would cost more than node's own start. Lines lose their leading
 * whitespace, so that a block cut out of a list is not read as indented code.
 */
function blocksToParse(
  text: string,
  starts: number[],
  code: Uint8Array,
  pointAt: (offset: number) => Point,
  from: number,
  end: number,
): Block[] {
  const pointLine = (offset: number): number => pointAt(offset).line - 1;
  const first = pointLine(from);
  const last = pointLine(Math.max(from, end - 1));
  const lineText = (i: number): string =>
    text.slice(Math.max(starts[i] ?? 0, from), Math.min(lineEnd(text, starts[i] ?? 0), end));
  const blank = (i: number): boolean => code[i] === 1 || !/\S/.test(lineText(i).replace(/^[\s>]*$/, ''));
  const blocks: Block[] = [];
  let covered = first - 1;
  for (let i = first; i <= last; i++) {
    if (i <= covered || code[i] === 1) continue;
    const line = lineText(i);
    const wanted = IMAGE_LIKE.test(line) || (UNDERLINE.test(line) && i > first && !blank(i - 1));
    if (!wanted) continue;
    let top = i;
    while (top > first && top - 1 > covered && !blank(top - 1)) top--;
    let bottom = i;
    while (bottom < last && !blank(bottom + 1)) bottom++;
    const block: Block = { text: '', starts: [], origins: [] };
    for (let j = top; j <= bottom; j++) {
      const raw = lineText(j);
      const kept = raw.replace(/^[ \t]+/, '');
      block.starts.push(block.text.length);
      block.origins.push(Math.max(starts[j] ?? 0, from) + raw.length - kept.length);
      block.text += `${kept}\n`;
    }
    blocks.push(block);
    covered = bottom;
  }
  // Reference-style images need their `[label]: url` definitions, wherever in the answer they stand.
  const definitions: number[] = [];
  for (let i = first; i <= last; i++) if (code[i] !== 1 && DEFINITION.test(lineText(i))) definitions.push(i);
  for (const block of definitions.length ? blocks : []) {
    block.text += '\n';
    for (const i of definitions) {
      const raw = lineText(i);
      const kept = raw.replace(/^[ \t>]+/, '');
      block.starts.push(block.text.length);
      block.origins.push(Math.max(starts[i] ?? 0, from) + raw.length - kept.length);
      block.text += `${kept}\n`;
    }
  }
  return blocks;
}

/**
 * A line of nothing but images with plain alt text and a plain path (no brackets, backslashes, backticks, angle
 * brackets, spaces or titles): no markdown construct can read it other than as images. Most screenshot lines
 * look like this, and reading them directly spares micromark's start-up on a cold CLI run.
 */
const PLAIN_IMAGE_LINE = /^[ \t>]*(?:!\[[^[\]\\`<>\n]*\]\([^()\s\\`<>]+\)[ \t]*)+$/;
const PLAIN_IMAGE = /!\[([^[\]\\`<>\n]*)\]\(([^()\s\\`<>]+)\)/g;

/** Whether a text line next to image lines leaves them images: no code span or HTML can run on from it. */
function isInertText(line: string): boolean {
  return !line.includes('<') && (line.split('`').length - 1) % 2 === 0 && !UNDERLINE.test(line);
}

/**
 * Records a block's images when each line holding `![` is a {@link PLAIN_IMAGE_LINE} and every other line is
 * inert text; returns false when micromark must read the block.
 */
function collectPlainImages(
  section: QuestionSection,
  block: Block,
  pointAt: (offset: number) => Point,
): boolean {
  const lines = block.text.split('\n');
  if (!lines.every((line) => (line.includes('![') ? PLAIN_IMAGE_LINE.test(line) : isInertText(line))))
    return false;
  let offset = 0;
  for (const line of lines) {
    for (const match of line.includes('![') ? line.matchAll(PLAIN_IMAGE) : []) {
      section.imageRefs.push({
        src: match[2] ?? '',
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

/** The report offset of an offset inside a block. */
function blockToReport(block: Block, offset: number): number {
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

/** Deeper nesting than any report needs; micromark's time grows fast with it (20,000 quotes: over a second). */
const MAX_NESTING = 64;
const TOO_DEEP = new RegExp(
  `(?:>[ \\t]*){${MAX_NESTING},}|(?:[-*+][ \\t]+){${MAX_NESTING},}|[[(]{${MAX_NESTING},}|^[ \\t]{${MAX_NESTING * 2},}\\S`,
  'm',
);

/** More link or image openers than any answer needs; micromark's time is quadratic in open brackets. */
const MAX_BRACKETS = 1000;

/** Why an answer is not given to micromark (it would take seconds to minutes), or null. */
function tooComplexToParse(region: string): string | null {
  if (TOO_DEEP.test(region)) return `markdown nested more than ${MAX_NESTING} levels deep`;
  let brackets = 0;
  for (let i = region.indexOf('['); i !== -1; i = region.indexOf('[', i + 1)) {
    if (++brackets > MAX_BRACKETS) return `more than ${MAX_BRACKETS} "[" in one answer`;
  }
  return null;
}

/**
 * Which headings start a question, as both readers see it. The course checker cuts answers only at `##`/`###`
 * (anywhere, quotes and HTML included) and matches them by position; the page shows CommonMark headings. A
 * `Question N` heading starts a question when it is the report's own heading (not quoted, not in HTML) and either
 * an `Answer:` follows it before the next heading of the skeleton, or it is a `##`–`######` heading that does not
 * repeat the number of the question whose answer it stands in. So a `# Question 7` or `### Question 7` title that
 * a group put inside Question 7's answer stays part of that answer (the checker counts it there too), and a
 * renamed or duplicated question with its own `Answer:` is still a question. Other headings end a question only at
 * level 2 outside quotes and HTML (the template's section headings; the checker cuts there too), at level 3
 * when an `Answer:` follows (a renamed question), or when they follow an untouched placeholder; a `# Results` or `### Results` inside an answer does not.
 */
function questionStarts(
  text: string,
  headings: Heading[],
): { starts: (Heading & { number: number })[]; ends: Heading[]; inAnswer: InAnswerHeading[] } {
  const candidates = headings.map((heading) => {
    const match = heading.nested ? null : QUESTION_HEADING.exec(heading.text);
    return match ? { ...heading, number: Number(match[1]) } : null;
  });
  const isSection = (heading: Heading): boolean => !heading.nested && heading.depth === 2;
  // Offsets of every `Answer:`, found once; both lists are walked forward only, so this stays linear.
  const answers: number[] = [];
  for (let at = text.indexOf(ANSWER); at !== -1; at = text.indexOf(ANSWER, at + 1)) answers.push(at);
  let nextAnswer = 0;
  const starts: (Heading & { number: number })[] = [];
  const inAnswer: InAnswerHeading[] = [];
  const ends: Heading[] = [];
  let current: { number: number; answerAt: number; placeholderOnly: boolean | null } | null = null;
  // Where the next question or section heading after each heading starts (one backward pass).
  const nextSkeleton: number[] = new Array<number>(headings.length);
  for (let i = headings.length - 1, next = text.length; i >= 0; i--) {
    nextSkeleton[i] = next;
    const heading = headings[i] as Heading;
    if (candidates[i] || isSection(heading)) next = heading.start;
  }
  headings.forEach((heading, i) => {
    const candidate = candidates[i];
    while (nextAnswer < answers.length && (answers[nextAnswer] ?? 0) < heading.end) nextAnswer++;
    const answerAt = answers[nextAnswer] ?? -1;
    const hasAnswer = answerAt !== -1 && answerAt < (nextSkeleton[i] ?? text.length);
    if (!candidate) {
      // A `###` heading with its own `Answer:` is a renamed question: it ends the one before.
      const renamed = heading.depth === 3 && hasAnswer;
      if (!heading.nested && (isSection(heading) || renamed || followsPlaceholder(text, current, heading))) {
        current = null;
        ends.push(heading);
      }
      return;
    }
    const repeats =
      current !== null &&
      current.number === candidate.number &&
      current.answerAt !== -1 &&
      current.answerAt < heading.start;
    if (hasAnswer || (heading.depth >= 2 && !repeats)) {
      starts.push(candidate);
      current = { number: candidate.number, answerAt: hasAnswer ? answerAt : -1, placeholderOnly: null };
    } else {
      inAnswer.push({
        start: heading.start,
        end: heading.end,
        depth: heading.depth,
        number: candidate.number,
      });
    }
  });
  return { starts, ends, inAnswer };
}

/**
 * Whether a `###` heading follows a question whose answer is still the untouched placeholder: then it starts a
 * section of its own (an unanswered question, then something else), not a sub-heading of the answer.
 */
function followsPlaceholder(
  text: string,
  current: { answerAt: number; placeholderOnly: boolean | null } | null,
  heading: Heading,
): boolean {
  if (current === null || current.answerAt === -1 || current.answerAt > heading.start) return false;
  // Asked once per question (at its first other heading), so the text is read once.
  if (current.placeholderOnly === null) {
    const before = text.slice(current.answerAt + ANSWER.length, heading.start);
    current.placeholderOnly = PLACEHOLDER_ONCE.test(before) && !/\S/.test(before.replace(PLACEHOLDER, ' '));
  }
  return current.placeholderOnly;
}

const PLACEHOLDER_ONCE = /---\s*question\s+\d+\s+fill\s+here\s*---/i;

/** A `Question N` heading inside an answer: the page shows a heading, the report's skeleton does not have one. */
interface InAnswerHeading {
  start: number;
  end: number;
  depth: number;
  number: number;
}

/** Builds the report model: question sections with their answers and the facts the rules need. */
export function parseReport(text: string): ReportModel {
  const starts = lineStarts(text);
  const pointAt = makePointAt(starts);
  const { headings, code } = scanLines(text, starts);
  const skeleton = questionStarts(text, headings);
  const boundaries = [...skeleton.starts, ...skeleton.ends].sort((a, b) => a.start - b.start);
  const questions: QuestionSection[] = [];
  let parseFailure: string | null = null;
  let boundary = 0;
  for (const heading of skeleton.starts) {
    const start = heading.start;
    while (boundary < boundaries.length && (boundaries[boundary]?.start ?? 0) <= start) boundary++;
    const end = boundaries[boundary]?.start ?? text.length;
    const section = buildSection(text, heading.number, heading, start, end, pointAt);
    const from = section.markers[0];
    for (const block of from === undefined ? [] : blocksToParse(text, starts, code, pointAt, from, end)) {
      if (collectPlainImages(section, block, pointAt)) continue;
      const tooComplex = tooComplexToParse(block.text);
      const tree = tooComplex ? { error: tooComplex } : parseMarkdown(block.text);
      if ('error' in tree) parseFailure ??= `${tree.error} (Question ${section.number})`;
      else collectNodeFacts(section, tree, block, pointAt);
    }
    questions.push(section);
  }
  const headingsInAnswers = skeleton.inAnswer.map((h) => ({
    line: pointAt(h.start).line,
    depth: h.depth,
    number: h.number,
    text: text.slice(h.start, h.end),
  }));
  // A final newline ends the last line; it does not start one (editors, git and GitHub count lines so).
  const lineCount = text.endsWith('\n') && starts.length > 1 ? starts.length - 1 : starts.length;
  return { text, questions, headingsInAnswers, parseFailure, pointAt, lineCount };
}

/** An answer's rendered prose, roughly: without code, image syntax and HTML tags. */
function proseOf(text: string): string {
  const code = text
    .replace(/^[ \t>]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t>]*\1[ \t]*$|(?![\s\S]))/gm, ' ')
    .replace(/`+[^`\n]*`+/g, ' ');
  return withoutTags(withoutImages(code));
}

function buildSection(
  text: string,
  number: number,
  heading: Heading,
  start: number,
  end: number,
  pointAt: (offset: number) => Point,
): QuestionSection {
  const markers: number[] = [];
  for (let at = text.indexOf(ANSWER, heading.end); at !== -1 && at < end; at = text.indexOf(ANSWER, at + 1)) {
    markers.push(at + ANSWER.length);
  }
  let answer: QuestionSection['answer'] = null;
  const first = markers[0];
  if (first !== undefined) {
    // Cut as the course checker cuts: at the next `Answer:`, else at the first `##` (which `###` contains).
    let cut = Math.min(markers[1] !== undefined ? markers[1] - ANSWER.length : end, end);
    const hashes = text.indexOf('##', first);
    if (hashes !== -1 && hashes < cut) cut = hashes;
    let s = first;
    let e = cut;
    while (s < e && text[s] === '\n') s++;
    while (e > s && text[e - 1] === '\n') e--;
    answer = { start: s, end: e, text: text.slice(s, e) };
  }
  const region = first !== undefined ? text.slice(first, end) : '';
  const regionStart = first ?? end;
  const placeholderLines: number[] = [];
  for (const match of region.matchAll(PLACEHOLDER))
    placeholderLines.push(pointAt(regionStart + match.index).line);
  const markerLines: number[] = [];
  let lineOffset = regionStart;
  for (const line of region.split('\n')) {
    // Only a line with a dash can hold a marker; most lines are skipped without copying them.
    const withoutPlaceholder = line.includes('---') ? line.replace(PLACEHOLDER, '') : '';
    if (withoutPlaceholder.trim() !== '' && isMarkerLine(withoutPlaceholder) && !/^\s*\|/.test(line)) {
      markerLines.push(pointAt(lineOffset).line);
    }
    lineOffset += line.length + 1;
  }
  // Without an `Answer:` line, the section's unquoted lines are the student's (the template's prompt is all
  // quoted): a group that replaced the prompt by its answer has answered.
  const ownText =
    first !== undefined
      ? region
      : text
          .slice(heading.end, end)
          .split('\n')
          .filter((line) => !/^[ \t]*>/.test(line))
          .join('\n');
  const answeredText = ownText.replace(PLACEHOLDER, ' ').replace(/(^|\s)(>|-{3,})(?=\s|$)/g, ' ');
  return {
    number,
    heading: { start: pointAt(heading.start), end: pointAt(heading.end), text: heading.text },
    start,
    end,
    markers,
    answer,
    words: answer ? countPythonWords(answer.text) : 0,
    images: answer ? countPythonImages(answer.text) : 0,
    proseWords: countPythonWords(proseOf(answeredText)),
    imageRefs: [],
    placeholderLines,
    markerLines,
    setextHeadings: [],
    answered: countPythonWords(answeredText) > 0,
  };
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
