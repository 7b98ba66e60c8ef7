import { errorMessage } from '../errors.js';
import { TimeBudgetError } from '../github/budget.js';
import type { GitHubPort } from '../github/port.js';
import type { Severity } from '../diagnostic.js';
import type { CheckResult } from '../result.js';
import { renderCounts } from '../review/render-tables.js';
import { FILE_LIST_RULES, skippedLine, type SkippedChecks } from '../review/skipped.js';
import { PROBLEM_RULES } from '../source/problems.js';
import type { ActionLog } from './log.js';
import { gate } from './outputs.js';

export type { SkippedChecks } from '../review/skipped.js';

/** The repository's files at `ref` for the image checks, or why those checks cannot run. */
export interface FileListing {
  files: string[] | null;
  skipped: SkippedChecks | null;
}

/**
 * Lists the files at `ref`. A failed, malformed or truncated listing is not an empty repository: the checks that
 * need it are named as skipped (never "no image missing"), and the run ends as "could not run".
 */
export async function listFilesForChecks(github: GitHubPort, ref: string): Promise<FileListing> {
  const skip = (reason: string): FileListing => ({
    files: null,
    skipped: { rules: FILE_LIST_RULES, reason },
  });
  try {
    const files = await github.listRepoFiles(ref);
    if (files) return { files, skipped: null };
    return skip(
      `GitHub truncated the listing of the repository's files at ${ref.slice(0, 12)} (too many files)`,
    );
  } catch (error) {
    // Out of time is the whole run's problem, not one listing's: the run ends as could-not-run as a whole.
    if (error instanceof TimeBudgetError) throw error;
    return skip(`report-check could not list the repository's files: ${errorMessage(error)}`);
  }
}

const SOURCE_PROBLEMS = new Set(Object.values(PROBLEM_RULES));

/** The skipped checks that matter for `result`: none when the report itself could not be read (nothing ran). */
export function skippedFor(skipped: SkippedChecks | null, result: CheckResult): SkippedChecks | null {
  if (!skipped || result.diagnostics.some((d) => SOURCE_PROBLEMS.has(d.ruleId))) return null;
  return skipped;
}

/**
 * Fails the step: on the findings (`failed`), or, when checks were skipped, as "could not run" whatever the
 * findings (a gate must never pass what it did not check). Returns how the run ended.
 */
export function gateChecked(
  log: ActionLog,
  result: CheckResult,
  failOn: Severity | 'never',
  skipped: SkippedChecks | null,
): 'failed' | 'passed' | 'could-not-run' {
  if (!skipped) return gate(log, result, failOn) ? 'failed' : 'passed';
  log.setFailed(
    `report-check could not run: ${skippedLine(skipped)}; the checks that ran found ` +
      `${renderCounts(result.diagnostics)} in ${result.path}; see the job summary.`,
  );
  return 'could-not-run';
}
