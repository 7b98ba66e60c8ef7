import type { Range } from '../result.js';

/** How far a count is outside its range: below the minimum (negative), above the maximum (positive), 0 inside. */
export function offBy(value: number, range: Range | null): number {
  if (!range) return 0;
  if (value < range.min) return value - range.min;
  if (value > range.max) return value - range.max;
  return 0;
}

/** A count's distance from its range as a student reads it at a glance: `-13` (short), `+36` (over), '' inside. */
export function formatOffBy(value: number, range: Range | null): string {
  const by = offBy(value, range);
  if (by === 0) return '';
  return by > 0 ? `+${by}` : `${by}`;
}

/** A count followed by how far and which way it is out of its range, e.g. `187 (-13)`; just `250` inside. */
export function withOffBy(value: number, range: Range | null): string {
  const by = formatOffBy(value, range);
  return by === '' ? `${value}` : `${value} (${by})`;
}
