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

/**
 * The report's lines with each run of whitespace made one space, trimmed. One replace over the whole text instead
 * of one per line: a run that reaches a line end is cut by the split as it would be, and `trim` removes what
 * `\s` matches.
 */
function normalisedLines(text: string): string[] {
  return text
    .replace(/[^\S\r\n]+/g, ' ')
    .split(/\r\n?|\n/)
    .map((line) => line.trim());
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
  const seen = new Set(normalisedLines(text));
  let best: { edition: Edition; score: number } | null = null;
  for (const { older, newer, familyLines, newerOwn } of families()) {
    const score = countPresent(familyLines, seen) / familyLines.length;
    const edition = countPresent(newerOwn, seen) > 0 ? newer : older;
    if (!best || score > best.score) best = { edition, score };
  }
  return best?.edition ?? '2026';
}
