import { ANSWER } from '../parse/section.js';
import { sectionContaining } from '../parse/sections.js';
import type { RuleContext } from './rule.js';

/** A question whose `### Question N` heading the group changed: where it stands and what the checker makes of it. */
export interface RenamedQuestion {
  number: number;
  /** Line of the changed heading (or of the line that replaced it). */
  line: number;
  /** Line of the `Answer:` under it. */
  answerLine: number;
  /** The `#` it starts with: 0 for a plain line, 1–2 for a heading the checker does not cut at, 3+ otherwise. */
  depth: number;
  /** Whether the checker keeps no answer before it: no `###` between the previous `Answer:` and this one. */
  dropsPrevious: boolean;
  /** The question's own heading is there, but another heading between it and its `Answer:` ends it first. */
  split?: boolean;
}

type Scope = Pick<RuleContext, 'model' | 'expected' | 'edition' | 'reading'>;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
/**
 * Whether a run of digits is `n` written with any leading zeros (`020` is 20): what `0*${n}(?!\d)` matches at
 * the start of the run. One fixed pattern finds the digits, instead of a pattern built and compiled per question.
 */
function isNumber(digits: string | undefined, n: number): boolean {
  if (digits === undefined) return false;
  let zeros = 0;
  while (zeros < digits.length - 1 && digits.charCodeAt(zeros) === 0x30) zeros++;
  return digits.slice(zeros) === String(n);
}

/**
 * Made on first use: creating a /u pattern with \p{L} costs about 0.25 ms (V8 builds the letter class when the
 * literal is evaluated), paid at every start by a module-level literal, and most reports never reach it.
 */
let questionName: RegExp | undefined;
/**
 * The line names question `n` (`Q20`, `Question20`, `**Question 20**`, `Questions 20: …`). Only a line with a `q`
 * can (no other character folds to one): the pattern, about 1.5 ms to compile and then to compile natively, is
 * not run on the others.
 */
const namesQuestion = (line: string, n: number): boolean =>
  (line.includes('q') || line.includes('Q')) &&
  isNumber((questionName ??= /^[^\p{L}\d]*q(?:uestions?)?[^\p{L}\d]*(\d+)/iu).exec(line)?.[1], n);

const TEMPLATE_HEADING = /^\s*question\s+(\d+)/i;

/**
 * The heading line just above the `Answer:` at `marker`, skipping the quoted prompt and blank lines, back to
 * `from`; null when the nearest such line neither is a heading nor names question `n`.
 */
function headingAbove(text: string, from: number, marker: number, n: number) {
  let end = text.lastIndexOf('\n', marker);
  while (end > from) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(Math.max(start, from), end);
    end = start - 1;
    if (/^\s*(>.*)?$/.test(line)) continue;
    const content = line.replace(/^ {0,3}#{1,6}[ \t]*/, '');
    const depth = HEADING.exec(line)?.[1]?.length ?? 0;
    if (depth === 0 && !namesQuestion(content, n)) return null;
    // The template's own heading that the page does not show as one (inside HTML): not renamed, nested.
    if (depth > 0 && isNumber(TEMPLATE_HEADING.exec(content)?.[1], n)) return null;
    return { start, depth };
  }
  return null;
}

/**
 * Whether the checker drops the chunk from the `Answer:` at `previous` (-1: the text before the first) to the
 * one at `marker`: it keeps a chunk only when it holds `###`. The 2025/2026 checkers drop the text before the
 * first `Answer:` anyway; the 2023/2024 ones drop their first kept chunk, so losing that one costs an answer.
 */
function dropsChunk(text: string, previous: number, marker: number, edition: string): boolean {
  if (previous === -1 && edition !== '2023' && edition !== '2024') return false;
  return !text.slice(Math.max(previous, 0), marker).includes('###');
}

/** Offsets of every `Answer:` (at most one pass over the text). */
function markerOffsets(text: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(ANSWER); at !== -1; at = text.indexOf(ANSWER, at + 1)) found.push(at);
  return found;
}

/**
 * The questions of the edition that have no `### Question N` heading but whose `Answer:` still stands where the
 * template has it: right after the previous question's `Answer:`, under a line that is a heading or names the
 * question (`### Q20`, `### Question20`, `#### Q20`, `## Question 20`, a plain `Question 20` line). The checker
 * reads no headings, so this one change is the cause of everything the skeleton then looks like.
 */
export function renamedQuestions({ model, expected, edition }: Scope): RenamedQuestion[] {
  const present = new Set(model.questions.map((s) => s.number));
  // Every question has its heading (most reports): nothing was renamed, and nothing else needs looking at.
  let missing = false;
  for (let n = 1; n <= expected && !missing; n++) missing = !present.has(n);
  if (!missing) return [];
  const copies = new Map<number, number>();
  for (const s of model.questions) copies.set(s.number, (copies.get(s.number) ?? 0) + 1);
  const firstMarker = new Map<number, number>();
  // First markers of single questions: a question renumbered to another's number (two `### Question 21`) is
  // still a renamed heading where it stands.
  const firsts = new Set<number>();
  for (const s of model.questions) {
    const first = s.markers[0];
    if (first === undefined) continue;
    if (copies.get(s.number) === 1) firsts.add(first);
    if (!firstMarker.has(s.number)) firstMarker.set(s.number, first);
  }
  const markers = markerOffsets(model.text);
  const found: RenamedQuestion[] = [];
  for (let n = 1; n <= expected; n++) {
    if (present.has(n)) continue;
    const previous = n === 1 ? -1 : firstMarker.get(n - 1);
    if (previous === undefined) continue;
    // The first `Answer:` after the previous question's that no question heading owns.
    const index = markers.findIndex((at) => at + ANSWER.length > previous);
    const marker = markers[index];
    if (marker === undefined || firsts.has(marker + ANSWER.length)) continue;
    const from = previous === -1 ? 0 : previous;
    const heading = headingAbove(model.text, from, marker, n);
    if (!heading) continue;
    found.push({
      number: n,
      line: model.pointAt(heading.start).line,
      answerLine: model.pointAt(marker).line,
      depth: heading.depth,
      dropsPrevious: dropsChunk(model.text, previous, marker, edition),
    });
  }
  return found;
}

/**
 * Questions whose heading is there without an `Answer:` because a heading the group put between it and its
 * `Answer:` (the prompt made a `### Prompt …` heading) ends the section first; the checker, reading no
 * headings, still grades that `Answer:` as the question's. Only when the checker does not crash.
 */
export function splitQuestions({ model, reading }: Scope): RenamedQuestion[] {
  if (reading.crash) return [];
  const found: RenamedQuestion[] = [];
  const copies = new Map<number, number>();
  for (const s of model.questions) copies.set(s.number, (copies.get(s.number) ?? 0) + 1);
  for (const section of model.questions) {
    const answer = reading.answers[section.number - 1];
    if (section.markers.length > 0 || copies.get(section.number) !== 1 || !answer) continue;
    const marker = answer.start - ANSWER.length;
    // The answer must stand right after this section, under no question heading.
    if (marker < section.end || sectionContaining(model, marker)) continue;
    const heading = headingAbove(model.text, section.end, marker, section.number);
    if (!heading || heading.depth === 0 || heading.start !== section.end) continue;
    found.push({
      number: section.number,
      line: model.pointAt(heading.start).line,
      answerLine: model.pointAt(marker).line,
      depth: heading.depth,
      dropsPrevious: false,
      split: true,
    });
  }
  return found;
}

/** {@link renamedQuestions} and {@link splitQuestions}, computed once per report (several rules ask, some per question). */
export function renamedOf(context: Scope & Pick<RuleContext, 'once'>): RenamedQuestion[] {
  return context.once('renamed-questions', () => [...renamedQuestions(context), ...splitQuestions(context)]);
}

/**
 * Question headings of level 1–2 (`## Question 20`) after which the checker finds no `###` before the next
 * `Answer:`: it keeps an answer only when a `###` follows it, so it drops the answer above the heading.
 */
export function shallowQuestionHeadings({ model, edition }: Scope): RenamedQuestion[] {
  const found: RenamedQuestion[] = [];
  let previous = -1;
  let next = model.text.indexOf(ANSWER);
  for (const section of model.questions) {
    // The last `Answer:` before this heading: walk the markers forward only.
    while (next !== -1 && next < section.start) {
      previous = next;
      next = model.text.indexOf(ANSWER, next + 1);
    }
    const first = section.markers[0];
    const depth = HEADING.exec(model.text.slice(section.start, section.start + 8))?.[1]?.length ?? 0;
    if (first === undefined || depth > 2 || !dropsChunk(model.text, previous, first, edition)) continue;
    found.push({
      number: section.number,
      line: section.heading.start.line,
      answerLine: model.pointAt(first).line,
      depth,
      dropsPrevious: true,
    });
  }
  return found;
}
