import { pythonImageOffsets } from '../parse/course-checker.js';
import { countPythonWords, isPythonSpace } from '../parse/words.js';
import type { QuestionSection } from '../parse/report.js';
import { FENCE, lineEnd, mayBeFence } from '../parse/lines.js';
import { sectionContaining } from '../parse/sections.js';
import type { RuleContext } from './rule.js';

/** An answer's text as the course checker counts it, and where it starts in the report. */
export interface CountedAnswer {
  section: QuestionSection;
  text: string;
  /** Offset in the report of the text's first character. */
  start: number;
}

/**
 * The text the course checker counts for `question`, when it is that question's own answer: the answer it
 * assigns by position (when it does not crash and the answer lies under the question's heading), else the
 * section's own answer. Null when the checker grades another question's text here (answers-misaligned).
 */
export function countedAnswer(context: RuleContext, question: number): CountedAnswer | null {
  const section = context.document.sections.get(question);
  if (!section) return null;
  if (context.positional) {
    const answer = context.reading.answers[question - 1];
    if (!answer || sectionContaining(context.model, answer.start - 1) !== section) return null;
    return { section, text: answer.text, start: answer.end - answer.text.length };
  }
  return section.answer ? { section, text: section.answer.text, start: section.answer.start } : null;
}

/** Words the checker counts that the student is told to remove: the template's `---` markers and placeholder. */
export interface RemovableWords {
  markers: number;
  placeholder: number;
}

const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;

/** Whether `line[start, end)` is three dashes or more and nothing else. */
function isDashes(line: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  for (let i = start; i < end; i++) if (line.charCodeAt(i) !== 0x2d) return false;
  return true;
}

/** Whether `line[start, end)` is quote marks (`>`) only. */
function isQuoteMarks(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (line.charCodeAt(i) !== 0x3e) return false;
  return true;
}

/**
 * Dash-only tokens (of Python's `line.split()`) at the start, after quote marks, and at the end of one line: its
 * `---` markers. Only the tokens at either end are read, not the line split into all of its words.
 */
function markerTokens(line: string): number {
  // The first token that is not quote marks.
  let firstStart = -1;
  let firstEnd = -1;
  for (let i = 0; i < line.length;) {
    while (i < line.length && isPythonSpace(line.charCodeAt(i))) i++;
    if (i === line.length) break;
    const start = i;
    while (i < line.length && !isPythonSpace(line.charCodeAt(i))) i++;
    if (!isQuoteMarks(line, start, i)) {
      firstStart = start;
      firstEnd = i;
      break;
    }
  }
  if (firstStart === -1) return 0;
  let lastEnd = line.length;
  while (isPythonSpace(line.charCodeAt(lastEnd - 1))) lastEnd--;
  let lastStart = lastEnd;
  while (lastStart > 0 && !isPythonSpace(line.charCodeAt(lastStart - 1))) lastStart--;
  const leading = isDashes(line, firstStart, firstEnd);
  // The last token counts when it is another token than a leading marker (it is at or after the first).
  const trailing = (!leading || lastStart > firstStart) && isDashes(line, lastStart, lastEnd);
  return (leading ? 1 : 0) + (trailing ? 1 : 0);
}

/**
 * How many of the words the checker counts for `question` are the template's `---` markers (on the lines
 * template-marker names) and its `--- question N fill here ---` placeholder (which placeholder-left names).
 */
export function removableWords(context: RuleContext, question: number): RemovableWords {
  // By question, once per report: word-count's message and fix, template-marker and placeholder-left ask for the
  // same questions' (up to four times each).
  const byQuestion = context.once('removable-words', () => new Map<number, RemovableWords>());
  let found = byQuestion.get(question);
  if (!found) byQuestion.set(question, (found = countRemovable(context, question)));
  return found;
}

function countRemovable(context: RuleContext, question: number): RemovableWords {
  const counted = countedAnswer(context, question);
  if (!counted) return { markers: 0, placeholder: 0 };
  const { section, text, start } = counted;
  let placeholder = 0;
  // A match starts with `---`, which most answers hold none of: matchAll (a copy of the pattern and an iterator
  // per call, for every question) is then skipped, about 0.2 ms of a cold check.
  if (text.includes('---'))
    for (const match of text.matchAll(PLACEHOLDER)) placeholder += countPythonWords(match[0]);
  let markers = 0;
  for (const line of markerLinesIn(context, section, text, start))
    markers += markerTokens(line.replace(PLACEHOLDER, ' '));
  return { markers, placeholder };
}

/**
 * The lines of `text` (at `start` in the report) that template-marker names, each once: found from the report's
 * line starts, so that an answer's other lines are neither split out nor located.
 */
function markerLinesIn(
  context: RuleContext,
  section: QuestionSection,
  text: string,
  start: number,
): string[] {
  if (section.markerLines.length === 0) return [];
  const starts = context.model.lineStarts;
  const firstLine = context.model.pointAt(start).line;
  const lines: string[] = [];
  for (const line of new Set(section.markerLines)) {
    // Where the line starts in `text`: its first line starts at 0, wherever it starts in the report.
    const at = line === firstLine ? 0 : (starts[line - 1] ?? -1) - start;
    if (at < 0 || at > text.length) continue;
    const newline = text.indexOf('\n', at);
    lines.push(text.slice(at, newline === -1 ? text.length : newline));
  }
  return lines;
}

/** "2 of them the template's `---` markers, which you should remove", or '' when there are none. */
export function removableNote(question: number, { markers, placeholder }: RemovableWords): string {
  const what = [
    markers ? '`---` markers' : '',
    placeholder ? `\`--- question ${question} fill here ---\` line` : '',
  ].filter(Boolean);
  if (what.length === 0) return '';
  return `${markers + placeholder} of them the template's ${what.join(' and its ')}, which you should remove`;
}

/** Where each `<!-- … -->` comment of a text starts and ends (an unclosed one runs to the end). */
function commentSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let open = text.indexOf('<!--'); open !== -1;) {
    const close = text.indexOf('-->', open + 4);
    const end = close === -1 ? text.length : close + 3;
    spans.push({ start: open, end });
    open = text.indexOf('<!--', end);
  }
  return spans;
}

/** Offsets where each fenced code block of a text starts and ends, roughly as CommonMark reads fences. */
function fenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let open: { start: number; marker: string } | null = null;
  // Line by line through the text with indexOf, not split into lines: only a line whose first character after
  // blanks and quote marks is a backtick or tilde can be a fence, and only that one is matched.
  for (let lineStart = 0; lineStart <= text.length;) {
    const end = lineEnd(text, lineStart);
    const fence = mayBeFence(text, lineStart, end) ? FENCE.exec(text.slice(lineStart, end))?.[1] : undefined;
    if (open && fence && fence[0] === open.marker[0] && fence.length >= open.marker.length) {
      spans.push({ start: open.start, end });
      open = null;
    } else if (!open && fence) open = { start: lineStart, marker: fence };
    lineStart = end + 1;
  }
  if (open) spans.push({ start: open.start, end: text.length });
  return spans;
}

/** An image the checker counts that the page does not show, and what hides it. */
export interface HiddenImage {
  line: number;
  where: 'an HTML comment' | 'inline code' | 'code' | 'escaped or broken markup';
}

/** How many hidden images {@link hiddenImages} names; the rest are only counted. */
const NAMED = 5;

/**
 * The images the checker counts for `question` that the page does not show (in fenced or indented code, inline
 * code or an HTML comment): every counted match with no rendered image at its place. The first few are named
 * with what hides them; `count` has them all. One pass over the answer.
 */
export function hiddenImages(
  context: RuleContext,
  question: number,
): { count: number; named: HiddenImage[] } {
  const counted = countedAnswer(context, question);
  if (!counted) return { count: 0, named: [] };
  const { section, text, start } = counted;
  const shown = new Set(
    section.imageRefs
      .filter((ref) => ref.kind === 'markdown')
      .map((ref) => `${ref.start.line}:${ref.start.column}`),
  );
  const comments = commentSpans(text);
  const fences = fenceSpans(text);
  let nextFence = 0;
  const named: HiddenImage[] = [];
  let count = 0;
  let next = 0;
  for (const offset of pythonImageOffsets(text)) {
    const point = context.model.pointAt(start + offset);
    if (shown.has(`${point.line}:${point.column}`)) continue;
    count++;
    if (named.length === NAMED) continue;
    while (next < comments.length && (comments[next]?.end ?? 0) <= offset) next++;
    const inComment = (comments[next]?.start ?? Number.POSITIVE_INFINITY) < offset;
    while (nextFence < fences.length && (fences[nextFence]?.end ?? 0) <= offset) nextFence++;
    const inFence = (fences[nextFence]?.start ?? Number.POSITIVE_INFINITY) <= offset;
    // Only the few named images look back along their line, so this stays linear.
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    const before = text.slice(lineStart, offset);
    const where: HiddenImage['where'] = inComment
      ? 'an HTML comment'
      : inFence || /^(?: {4}|\t)/.test(text.slice(lineStart, offset + 1))
        ? 'code'
        : (before.split('`').length - 1) % 2 === 1
          ? 'inline code'
          : 'escaped or broken markup';
    named.push({ line: point.line, where });
  }
  return { count, named };
}
