import { FENCE, mayBeFence } from '../parse/lines.js';
import type { QuestionSection } from '../parse/report.js';
import { countPythonWords } from '../parse/words.js';
import { describeRange } from '../validate/ranges.js';
import { indexLines, type LineIndex } from '../fixes/line-index.js';
import type { Once } from './once.js';
import type { RuleContext } from './rule.js';

/**
 * What a fix producer reads, computed once per report and shared by every finding: the line index, the sections
 * by position, fenced-code lines, and a memo. A producer must not scan the report per finding (100,000 findings
 * on one line would make that quadratic); what several findings need is computed once through {@link once}.
 */
export interface FixContext {
  rule: RuleContext;
  lines: LineIndex;
  /** The question section holding 1-based `line`, if any. */
  sectionAt(line: number): QuestionSection | undefined;
  /** Whether 1-based `line` is in fenced code or front matter (a fix there would show in the rendered code). */
  inCode(line: number): boolean;
  /** The value for `key`, made once per report. */
  once: Once;
}

/**
 * Lines in fenced code (fences included), by a forward scan; an unclosed fence runs to the end, as markdown's does.
 * Only a line whose first character after quote marks and blanks is a backtick or tilde can be a fence
 * ({@link mayBeFence}, read from the line starts): the others are passed over unsliced, and the lines between a
 * fence and its closing one are filled in afterwards.
 */
function codeLines(lines: LineIndex, starts: readonly number[]): Uint8Array {
  const { text, lineCount } = lines;
  const code = new Uint8Array(lineCount + 2);
  let open: string | null = null;
  let openLine = 0;
  for (let line = 1; line <= lineCount; line++) {
    const start = starts[line - 1] ?? text.length;
    const next = starts[line];
    if (!mayBeFence(text, start, next === undefined ? text.length : next - 1)) continue;
    const lineText = lines.lineText(line);
    const match = FENCE.exec(lineText);
    // A backtick fence's info string cannot hold a backtick: "```text```" is inline code, not a fence.
    const fence =
      match?.[1]?.startsWith('`') && lineText.slice(match[0].length).includes('`') ? undefined : match?.[1];
    if (open !== null) {
      if (fence && fence[0] === open[0] && fence.length >= open.length) {
        code.fill(1, openLine, line + 1);
        open = null;
      }
    } else if (fence) {
      open = fence;
      openLine = line;
    }
  }
  if (open !== null) code.fill(1, openLine, lines.lineCount + 1);
  // Front matter (2023/2024 templates): the first `---` block.
  if (
    lines
      .lineText(1)
      .replace(/^\uFEFF/, '')
      .trim() === '---'
  ) {
    for (let line = 1; line <= lines.lineCount; line++) {
      code[line] = 1;
      if (line > 1 && lines.lineText(line).trim() === '---') break;
    }
  }
  return code;
}

/** The fix context of one report; its tables are built on first use, in the report's own {@link RuleContext.once}. */
export function fixContext(rule: RuleContext): FixContext {
  const { once } = rule;
  const starts = rule.model.lineStarts;
  const lines = once('fix-lines', () => indexLines(rule.model.text, starts));
  const sections = rule.model.questions;
  return {
    rule,
    lines,
    once,
    inCode: (line) => once('fix-code', () => codeLines(lines, starts))[line] === 1,
    sectionAt(line) {
      const offset = lines.start(line);
      let lo = 0;
      let hi = sections.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((sections[mid]?.start ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      const section = sections[lo];
      return section && section.start <= offset && offset < Math.max(section.end, section.start + 1)
        ? section
        : undefined;
    },
  };
}

/**
 * What a fix leaves of a question's word count, e.g. "Question 4 then has 94 words: 6 short of its 100–200", so
 * that a fix taking an answer below its minimum says so.
 */
export function wordsAfter(context: FixContext, section: QuestionSection, removed: number): string {
  const words = section.words - removed;
  const range = context.rule.constraints.ranges.get(section.number)?.words;
  const then = `Question ${section.number} then has ${words} word${words === 1 ? '' : 's'}`;
  if (!range) return then;
  if (words < range.min) return `${then}: ${range.min - words} short of its ${describeRange(range)}`;
  if (words > range.max) return `${then}: ${words - range.max} over its ${describeRange(range)}`;
  return `${then}, within its ${describeRange(range)}`;
}

/** Tokens the course checker counts in `text` (Python's `str.split()`). */
export const countWords = countPythonWords;
