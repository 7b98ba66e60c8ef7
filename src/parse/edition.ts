import type { Edition, EditionLabel } from '../editions.js';
import { EDGE_SLOTS, EXACT_SLOTS, FAMILY_TABLE, TEMPLATE_LINES, TOLD, type Family } from './edition-table.js';
import { normaliseNewlines } from './course-checker.js';
import { edgeSlot, exactSlot, isJsSpace, SLOTS } from './line-slots.js';
import { lineEndAt, lineStarts } from './lines.js';

/**
 * `source[start, end)` with its runs of `\s` made one space and trimmed (`replace(/\s+/g, ' ').trim()`): its words
 * joined by one space. Not that regular expression: compiling it was about 0.2 ms of a cold start, for the few
 * lines a report has that need it.
 */
function normaliseLine(source: string, start: number, end: number): string {
  let line = '';
  let word = -1;
  for (let i = start; i <= end; i++) {
    if (i < end && !isJsSpace(source.charCodeAt(i))) {
      if (word === -1) word = i;
    } else if (word !== -1) {
      line += (line === '' ? '' : ' ') + source.slice(word, i);
      word = -1;
    }
  }
  return line;
}

/** Whether `source[start, end)` changes when normalised: `\s` at an end, a run of two, or `\s` but a space. */
function isIrregular(source: string, start: number, end: number): boolean {
  if (isJsSpace(source.charCodeAt(start)) || isJsSpace(source.charCodeAt(end - 1))) return true;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    // Printable ASCII but the space (most of every line) is never `\s`.
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20 ? isJsSpace(source.charCodeAt(i + 1)) : isJsSpace(c)) return true;
  }
  return false;
}

/**
 * The template lines by {@link exactSlot}: for each slot the first line in it, or -1, and for each line the next
 * one in its slot, or -1. A line of the report is compared only with the few that have its length and its
 * first, middle and last characters (or collide with them).
 */
const FIRST = new Int16Array(SLOTS).fill(-1);
const NEXT = new Int16Array(TEMPLATE_LINES.length);

/**
 * For each {@link edgeSlot}, the length of the shortest line that tells editions apart in it, or 0: a line that
 * normalises to such a line has that line's first four and last two characters once normalised, and is at least
 * as long.
 */
const SHORTEST = new Uint16Array(SLOTS);

// The template lines' slots come with them (EXACT_SLOTS, EDGE_SLOTS, made by scripts/gen-edition-prompts.mjs with
// the hashes of line-slots.ts): hashing the 400 lines here was about 0.4 ms (Node 20) to 1.5 ms (Node 24) of
// interpreted code on every cold start.
let longest = 0;
for (let index = TEMPLATE_LINES.length - 1; index >= 0; index--) {
  const slot = EXACT_SLOTS[index] ?? 0;
  NEXT[index] = FIRST[slot] ?? -1;
  FIRST[slot] = index;
  const length = TEMPLATE_LINES[index]?.length ?? 0;
  if (length > longest) longest = length;
  if (index >= TOLD) continue;
  const edge = EDGE_SLOTS[index] ?? 0;
  const shortest = SHORTEST[edge] ?? 0;
  if (shortest === 0 || length < shortest) SHORTEST[edge] = length;
}
/** The longest template line: a longer line, once normalised, is none of them. */
const LONGEST = longest;

/** The slot of a line's first and last characters in {@link ENDS}. */
const endsSlot = (first: number, last: number): number => ((first & 0x3f) << 6) | (last & 0x3f);

/**
 * 1 at the {@link endsSlot} of each line that tells editions apart. Normalising keeps a line's first and last
 * characters past its spaces, so a line whose trimmed ends are in no such slot normalises to none of those lines:
 * about half of a report's lines are ruled out by two characters, before the six that {@link edgeSlot} hashes.
 */
const ENDS = new Uint8Array(1 << 12);
for (let index = 0; index < TOLD; index++) {
  const line = TEMPLATE_LINES[index] ?? '';
  ENDS[endsSlot(line.charCodeAt(0), line.charCodeAt(line.length - 1))] = 1;
}

/** Whether `source[start, start + length)` is template line `index` as it stands. */
function isLine(source: string, start: number, length: number, index: number): boolean {
  const line = TEMPLATE_LINES[index] ?? '';
  // A compare of the slice: startsWith compares character by character, about 3 times as long for a prompt.
  return line.length === length && source.slice(start, start + length) === line;
}

/** Whether `source[start, end)` has no more non-space characters than the longest template line (else it cannot match). */
function couldBePrompt(source: string, start: number, end: number): boolean {
  if (end - start <= LONGEST) return true;
  let kept = 0;
  for (let i = start; i < end && kept <= LONGEST; i++) if (!isJsSpace(source.charCodeAt(i))) kept++;
  return kept <= LONGEST;
}

/**
 * Marks the template line that tells editions apart (one of the first {@link TOLD}) that `source[start, end)` is once
 * normalised, if any, in `seen`; the other lines' marks say nothing and may be set or not.
 */
function markLine(source: string, start: number, end: number, seen: Uint8Array): void {
  // A line that normalises to one that tells editions apart keeps its first and last non-space characters and is
  // no longer than it: the characters at its trimmed ends rule out most lines at once. Most of a report's lines
  // are the prompts every template shares, and each used to be compared whole with its template line first (a
  // copy and a compare of the line, for a mark nothing reads).
  let from = start;
  let to = end;
  while (from < to && isJsSpace(source.charCodeAt(from))) from++;
  while (to > from && isJsSpace(source.charCodeAt(to - 1))) to--;
  if (from === to || ENDS[endsSlot(source.charCodeAt(from), source.charCodeAt(to - 1))] === 0) return;
  const shortest = SHORTEST[edgeSlot(source, from, to)] ?? 0;
  if (shortest === 0 || shortest > to - from) return;
  const length = end - start;
  // As it stands: a line that tells editions apart, or one every template has, and so none of those.
  if (length <= LONGEST)
    for (let index = FIRST[exactSlot(source, start, length)] ?? -1; index !== -1; index = NEXT[index] ?? -1)
      if (isLine(source, start, length, index)) {
        seen[index] = 1;
        return;
      }
  // Not a template line as it stands: it may still be one once normalised.
  if (!isIrregular(source, start, end) || !couldBePrompt(source, start, end)) return;
  const line = normaliseLine(source, start, end);
  if (line.length === 0 || line.length > LONGEST) return;
  for (let index = FIRST[exactSlot(line, 0, line.length)] ?? -1; index !== -1; index = NEXT[index] ?? -1)
    if (isLine(line, 0, line.length, index)) {
      seen[index] = 1;
      return;
    }
}

/**
 * Which template lines `text` has as lines (split at `\r\n`, `\r` and `\n`) once each line's runs of `\s` are
 * made one space and it is trimmed, by index into {@link TEMPLATE_LINES}. Linear in the text: a line is first
 * compared as it stands with the template lines in its {@link exactSlot} (length and first, middle and last
 * characters), the lines every template has among them, so that the prompts all editions share (most of a
 * report's lines) are settled at once; then only looked at further when some line that tells editions apart is in
 * its {@link edgeSlot} (the characters at its trimmed ends) and is no longer than its trimmed part, and only
 * normalised (copied) when normalising changes it; {@link couldBePrompt} stops early on long lines (a million
 * empty lines or one 1 MiB line once took seconds). `starts`: the offsets where the lines start (lineStarts of a
 * text whose only line end is `\n`).
 */
function templateCandidates(text: string, starts: readonly number[]): Uint8Array {
  const seen = new Uint8Array(TEMPLATE_LINES.length);
  for (let line = 0; line < starts.length; line++) {
    const start = starts[line] as number;
    const end = lineEndAt(text, starts, line);
    if (end > start) markLine(text, start, end, seen);
  }
  return seen;
}

function countPresent(lines: readonly number[], seen: Uint8Array): number {
  let count = 0;
  // An indexed loop: a for-of made an iterator result per line until V8 optimised this (most of a cold run).
  for (let i = 0; i < lines.length; i++) count += seen[lines[i] as number] ?? 0;
  return count;
}

/** What a report's template text says about its edition. */
export interface EditionReading {
  /** The edition to check the report as (for 2023/2024 either one: their checkers and ranges are the same). */
  edition: Edition;
  /**
   * The edition the text matches: `2023/2024` when it cannot tell them apart, null when it has no template
   * text of any edition at all.
   */
  matches: EditionLabel | null;
  /** The fraction of each family's template lines present, keyed by either edition of the family. */
  score: (edition: Edition) => number;
}

/**
 * The 2023 and 2024 templates differ only in "Answer length" against "Recommended answer length" (and one typo
 * fix), and the reports students handed in for 2024 carry the 2023 wording: of the corpus's 30 2024 reports,
 * none has a "Recommended" line and 28 have the 2023 lines. So the text says 2024 only when it has the 2024
 * wording (more than the typo fix) and none of the 2023 one, and never says 2023 alone.
 */
function legacyLabel(family: Family, seen: Uint8Array): EditionLabel {
  const older = countPresent(family.olderOwn, seen);
  const newer = countPresent(family.newerOwn, seen);
  return newer > 1 && older === 0 ? family.newer : '2023/2024';
}

/**
 * Reads a report's edition from the template text it still contains. First the family (27 or 31 questions:
 * the fraction of the family's template lines present), then within 2025/2026 the newer edition as soon as one
 * of its own lines is present (e.g. the 2026 `uv add` hint or Question 3 prompt): each template grew out of the
 * one before, and early-course copies of the newer template still carry most of the older one's lines.
 * `starts`: the offsets where its lines start, when the caller has them and `\n` is its only line end (the
 * parser needs them too); without them, `\r\n` and a lone `\r` end lines as well.
 */
export function readEdition(text: string, starts?: readonly number[]): EditionReading {
  if (!starts) {
    const unix = normaliseNewlines(text);
    return readEdition(unix, lineStarts(unix));
  }
  const seen = templateCandidates(text, starts);
  const scored = FAMILY_TABLE.map((family) => ({
    family,
    score: countPresent(family.familyLines, seen) / family.familyLines.length,
  }));
  const score = (asked: Edition): number =>
    scored.find(({ family: f }) => f.older === asked || f.newer === asked)?.score ?? 0;
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  // No template text at all: the number of answers the checker would cut tells 27 questions from 31, and of
  // 2025/2026 the newest edition is the likelier.
  if (best.score === 0) return { edition: answerCount(text) > 29 ? '2026' : '2023', matches: null, score };
  const { family } = best;
  const edition = countPresent(family.newerOwn, seen) > 0 ? family.newer : family.older;
  const label = family.older === '2023' ? legacyLabel(family, seen) : edition;
  return { edition, matches: label, score };
}

/** How many times `Answer:` stands in `text`, counted up to 40 (enough to tell 27 from 31). */
function answerCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('Answer:'); at !== -1 && count < 40; at = text.indexOf('Answer:', at + 7))
    count++;
  return count;
}

/** The edition to check a report as, from its template text ({@link readEdition}'s `edition`). */
export function detectEdition(text: string): Edition {
  return readEdition(text).edition;
}

/** Whether two editions have the same questions and checker (2023 and 2024; 2025 and 2026 differ in Question 3). */
export function sameFamily(a: Edition, b: Edition): boolean {
  return FAMILY_TABLE.some((f) => (f.older === a || f.newer === a) && (f.older === b || f.newer === b));
}
