import prompts from './edition-prompts.json' with { type: 'json' };
import type { Edition } from '../result.js';

const FAMILIES: readonly (readonly [Edition, Edition])[] = [
  ['2023', '2024'],
  ['2025', '2026'],
];

interface Family {
  older: Edition;
  newer: Edition;
  /** Every template line of either edition. */
  familyLines: string[];
  /** Lines only the newer edition's template has. */
  newerOwn: string[];
}

let cachedFamilies: Family[] | null = null;

function families(): Family[] {
  cachedFamilies ??= FAMILIES.map(([older, newer]) => ({
    older,
    newer,
    familyLines: [...new Set([...prompts[older], ...prompts[newer]])],
    newerOwn: prompts[newer].filter((line) => !prompts[older].includes(line)),
  }));
  return cachedFamilies;
}

function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
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

function countPresent(lines: readonly string[], seen: ReadonlySet<string>): number {
  let count = 0;
  for (const line of lines) if (seen.has(line)) count++;
  return count;
}

/**
 * Detects a report's edition from the template text it still contains. First the family (27 or 31 questions:
 * the fraction of the family's template lines present), then the newer edition of the family as soon as one of
 * its own lines is present (e.g. the 2026 `uv add` hint or Question 3 prompt): each template grew out of the
 * one before, and early-course copies of the newer template still carry most of the older one's lines.
 */
export function detectEdition(text: string): Edition {
  const seen = new Set<string>();
  // Each distinct line once, and only lines that can be a template line: a million empty lines or one 1 MiB
  // line took seconds to normalise.
  for (const line of new Set(text.split(/\r\n?|\n/))) if (couldBePrompt(line)) seen.add(normaliseLine(line));
  let best: { edition: Edition; score: number } | null = null;
  for (const { older, newer, familyLines, newerOwn } of families()) {
    const score = countPresent(familyLines, seen) / familyLines.length;
    const edition = countPresent(newerOwn, seen) > 0 ? newer : older;
    if (!best || score > best.score) best = { edition, score };
  }
  return best?.edition ?? '2026';
}
