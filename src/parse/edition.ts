import prompts from './edition-prompts.json' with { type: 'json' };
import type { Edition, EditionLabel } from '../editions.js';

const FAMILIES: readonly (readonly [Edition, Edition])[] = [
  ['2023', '2024'],
  ['2025', '2026'],
];

interface Family {
  older: Edition;
  newer: Edition;
  /** Every template line of either edition. */
  familyLines: string[];
  /** Lines only the older edition's template has. */
  olderOwn: string[];
  /** Lines only the newer edition's template has. */
  newerOwn: string[];
}

let cachedFamilies: Family[] | null = null;

function families(): Family[] {
  cachedFamilies ??= FAMILIES.map(([older, newer]) => ({
    older,
    newer,
    familyLines: [...new Set([...prompts[older], ...prompts[newer]])],
    olderOwn: prompts[older].filter((line) => !prompts[newer].includes(line)),
    newerOwn: prompts[newer].filter((line) => !prompts[older].includes(line)),
  }));
  return cachedFamilies;
}

let cachedTemplateLines: Set<string> | null = null;

/** Every template line of every edition. */
function templateLines(): Set<string> {
  cachedTemplateLines ??= new Set(families().flatMap((family) => family.familyLines));
  return cachedTemplateLines;
}

/**
 * `line` with its runs of `\s` made one space and trimmed. Most lines need no change (no leading, trailing or
 * doubled space, no other whitespace), and a scan of their code units is much cheaper than the replace.
 */
function normaliseLine(line: string): string {
  let previous = 0x20;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 ? previous === 0x20 : isSpaceLike(c)) return line.replace(/\s+/g, ' ').trim();
    previous = c;
  }
  return previous === 0x20 && line.length > 0 ? line.replace(/\s+/g, ' ').trim() : line;
}

let longest = 0;

/** JavaScript's `\s`, and the control characters (counting those as spaces only makes the test below looser). */
function isSpaceLike(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether `line` has no more non-space characters than the longest template line (which cannot match then). */
function couldBePrompt(line: string): boolean {
  if (longest === 0)
    for (const family of families())
      for (const l of family.familyLines) longest = Math.max(longest, l.length);
  if (line.length <= longest) return true;
  let kept = 0;
  for (let i = 0; i < line.length && kept <= longest; i++) if (!isSpaceLike(line.charCodeAt(i))) kept++;
  return kept <= longest;
}

/** A line's length and first code unit, as one number: {@link templateKeys}' key. */
function lineKey(length: number, first: number): number {
  return length * 0x10000 + (length > 0 ? first : 0);
}

let cachedKeys: Set<number> | null = null;

/**
 * The template lines' lengths and first characters: a line that needs no normalising can only match when it
 * has one of them, which is known before it is copied out of the text.
 */
function templateKeys(): Set<number> {
  cachedKeys ??= new Set([...templateLines()].map((line) => lineKey(line.length, line.charCodeAt(0))));
  return cachedKeys;
}

/** Whether `line` is a template line once normalised; if so, adds it to `seen`. */
function addIfTemplate(line: string, seen: Set<string>): void {
  if (!couldBePrompt(line)) return;
  const normalised = normaliseLine(line);
  // Only template lines are ever looked up: keeping the others would only cost memory.
  if (templateLines().has(normalised)) seen.add(normalised);
}

/** Any `\s` but a plain space or the newline. */
const OTHER_SPACE = /[^\S\n ]/g;

/**
 * Where the next two spaces or other `\s` but a plain space or newline lie in `source` at or after an offset.
 * Each is found by a native search over the whole text, resumed only once the line scan has passed the last one.
 */
function irregularSpaces(source: string): (from: number) => number {
  let doubled = -2;
  let other = -2;
  return (from) => {
    if (doubled === -2 || (doubled !== -1 && doubled < from)) doubled = source.indexOf('  ', from);
    if (other === -2 || (other !== -1 && other < from)) {
      OTHER_SPACE.lastIndex = from;
      other = OTHER_SPACE.exec(source)?.index ?? -1;
    }
    return doubled === -1 ? other : other === -1 ? doubled : Math.min(doubled, other);
  };
}

/**
 * The normalised lines of `text` (split at `\r\n`, `\r` and `\n`) that are template lines. Linear in the text:
 * a line that normalises to itself (no leading, trailing or doubled space, no `\s` but a plain space: most
 * lines) is neither copied nor scanned unless its length and first character are a template line's, and then
 * only looked up; {@link couldBePrompt} stops early on long other lines (a million empty lines or one 1 MiB line
 * once took seconds).
 */
function templateCandidates(text: string): Set<string> {
  const seen = new Set<string>();
  const keys = templateKeys();
  const lines = templateLines();
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const irregularFrom = irregularSpaces(source);
  let nextIrregular = irregularFrom(0);
  for (let start = 0; start <= source.length;) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    const edgeSpace = end > start && (source[start] === ' ' || source[end - 1] === ' ');
    if (edgeSpace || (nextIrregular !== -1 && nextIrregular < end)) {
      addIfTemplate(source.slice(start, end), seen);
      if (nextIrregular !== -1 && nextIrregular < end) nextIrregular = irregularFrom(end + 1);
    } else if (keys.has(lineKey(end - start, source.charCodeAt(start)))) {
      const line = source.slice(start, end);
      if (lines.has(line)) seen.add(line);
    }
    start = end + 1;
  }
  return seen;
}

function countPresent(lines: readonly string[], seen: ReadonlySet<string>): number {
  let count = 0;
  for (const line of lines) if (seen.has(line)) count++;
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
function legacyLabel(family: Family, seen: ReadonlySet<string>): EditionLabel {
  const older = countPresent(family.olderOwn, seen);
  const newer = countPresent(family.newerOwn, seen);
  return newer > 1 && older === 0 ? family.newer : '2023/2024';
}

/**
 * Reads a report's edition from the template text it still contains. First the family (27 or 31 questions:
 * the fraction of the family's template lines present), then within 2025/2026 the newer edition as soon as one
 * of its own lines is present (e.g. the 2026 `uv add` hint or Question 3 prompt): each template grew out of the
 * one before, and early-course copies of the newer template still carry most of the older one's lines.
 */
export function readEdition(text: string): EditionReading {
  const seen = templateCandidates(text);
  const scored = families().map((family) => ({
    family,
    score: countPresent(family.familyLines, seen) / family.familyLines.length,
  }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const { family } = best;
  const edition = countPresent(family.newerOwn, seen) > 0 ? family.newer : family.older;
  const label = family.older === '2023' ? legacyLabel(family, seen) : edition;
  const score = (asked: Edition): number =>
    scored.find(({ family: f }) => f.older === asked || f.newer === asked)?.score ?? 0;
  return { edition, matches: best.score > 0 ? label : null, score };
}

/** The edition to check a report as, from its template text ({@link readEdition}'s `edition`). */
export function detectEdition(text: string): Edition {
  return readEdition(text).edition;
}

/** Whether two editions have the same questions and checker (2023 and 2024; 2025 and 2026 differ in Question 3). */
export function sameFamily(a: Edition, b: Edition): boolean {
  return families().some((f) => (f.older === a || f.newer === a) && (f.older === b || f.newer === b));
}
