import type { Diagnostic } from '../diagnostic.js';

/** How many findings of each severity a report has. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  notices: number;
}

/** Counts findings by severity. */
export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, notices: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') counts.errors += 1;
    else if (diagnostic.severity === 'warning') counts.warnings += 1;
    else counts.notices += 1;
  }
  return counts;
}
