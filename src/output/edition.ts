import type { CheckResult } from '../result.js';

/**
 * How a result's edition reads in a summary: `edition 2023/2024 (detected)`, `edition 2026 (given)`,
 * `custom schema`, `edition unknown` (not a report); null for a report that could not be read, which was checked
 * against no edition.
 */
export function editionPhrase(result: Pick<CheckResult, 'edition' | 'editionSource'>): string | null {
  if (result.edition === null) return null;
  if (result.edition === 'custom') return 'custom schema';
  if (result.edition === 'unknown') return 'edition unknown';
  return `edition ${result.edition} (${result.editionSource})`;
}

/** {@link editionPhrase} at the start of a sentence: `Edition 2026 (detected)`, `Custom schema`. */
export function editionSentence(result: Pick<CheckResult, 'edition' | 'editionSource'>): string | null {
  const phrase = editionPhrase(result);
  return phrase && phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
