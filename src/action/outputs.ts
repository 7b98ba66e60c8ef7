import { failingFindings, type Severity } from '../diagnostic.js';
import type { FileFailure } from '../output/file-failure.js';
import { formatJson } from '../output/json.js';
import { countSeverities } from '../output/severity-counts.js';
import type { CheckResult } from '../result.js';
import { renderCounts } from '../review/render-tables.js';
import type { ActionLog } from './log.js';

/** Sets the step's outputs: the JSON document, the counts, and the course checker's outcome. */
export function setOutputs(
  log: ActionLog,
  result: CheckResult | null,
  failures: readonly FileFailure[] = [],
): void {
  const counts = countSeverities(result?.diagnostics ?? []);
  log.setOutput('result', formatJson(result ? [result] : [], failures));
  log.setOutput('errors', String(counts.errors));
  log.setOutput('warnings', String(counts.warnings));
  log.setOutput('course-checker', result?.courseChecker.outcome ?? '');
}

/** Fails the step when a finding reaches `fail-on`; returns whether it did. */
export function gate(log: ActionLog, result: CheckResult, failOn: Severity | 'never'): boolean {
  if (failingFindings(result.diagnostics, failOn).length === 0) return false;
  log.setFailed(
    `report-check: ${result.path} has ${renderCounts(result.diagnostics)} (fail-on: ${failOn}). ` +
      'See the annotations and the job summary.',
  );
  return true;
}
