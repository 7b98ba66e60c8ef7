import { changeText, type GroupChange } from './compare.js';
import type { CohortGroup } from './group.js';

/** A group's row with its change since the previous run, when `--compare` was given. */
export type CohortRow = CohortGroup & { change?: GroupChange };

/** The question numbers any group has, in order (27 in 2023/2024, 31 later; a mixed cohort has all 31). */
export function questionNumbers(rows: readonly CohortRow[]): number[] {
  const numbers = new Set<number>();
  for (const row of rows) for (const question of row.questions ?? []) numbers.add(question.number);
  return [...numbers].sort((a, b) => a - b);
}

/** The own-edition checker's outcome as a short cell: `pass`, `fail 3` (warnings it prints), `crash`. */
export function checkerText(row: CohortGroup): string {
  const checker = row.courseChecker;
  if (!checker) return '';
  return checker.outcome === 'fail' ? `fail ${checker.failures.length}` : checker.outcome;
}

/** The scraper's record as a short cell: the number, and why it is not the truth when it is not. */
export function scraperText(row: CohortGroup): string {
  const scraper = row.scraper;
  if (!scraper) return '';
  if (scraper.outcome === 'crash') return `${scraper.numWarnings} (crash)`;
  return scraper.note ? `${scraper.numWarnings} (${row.edition}: differs)` : String(scraper.numWarnings);
}

/** The change column's text, or empty without `--compare`. */
export function rowChangeText(row: CohortRow): string {
  return row.change ? changeText(row.change) : '';
}
