import { neutralise } from './neutralise.js';

/**
 * The rules that look up the repository's files (is the image there, in this case, committed, in the report's
 * folder): without the file list they find nothing, which must not read as "no problem".
 */
export const FILE_LIST_RULES: readonly string[] = [
  'image-missing',
  'image-case',
  'image-untracked',
  'image-outside-report-folder',
];

/** Checks a run could not do, and why: the run is then "could not run", whatever else it found. */
export interface SkippedChecks {
  rules: readonly string[];
  /** One line: what could not be read, e.g. the failed or truncated tree listing. */
  reason: string;
}

/** One line naming the skipped checks and why, for the failure message and the commit status. */
export function skippedLine(skipped: SkippedChecks): string {
  const reason = neutralise(skipped.reason.replace(/\s+/g, ' ')).slice(0, 500);
  return `checks skipped (${skipped.rules.join(', ')}): ${reason}`;
}

/** The note the summary comment and the job summary open with when checks were skipped. */
export function renderSkippedNote(skipped: SkippedChecks): string {
  const rules = skipped.rules.map((r) => `\`${r}\``).join(', ');
  const reason = neutralise(skipped.reason.replace(/\s+/g, ' ')).slice(0, 500);
  return [
    '> [!WARNING]',
    `> **report-check could not run every check.** Skipped: ${rules}. Reason: ${reason}`,
    '>',
    '> Their findings are not shown, and their earlier threads stay open; rerun the check.',
  ].join('\n');
}

/** Whether a thread of ours (by the rule its comment names; null when unknown) belongs to a skipped check. */
export function ownedBySkipped(skipped: SkippedChecks | null, ruleId: string | null): boolean {
  if (!skipped) return false;
  // A thread whose rule cannot be told is left alone too: resolving it could hide a finding nobody checked.
  return ruleId === null || skipped.rules.includes(ruleId);
}
