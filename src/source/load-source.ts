import type { Diagnostic } from '../diagnostic.js';
import type { CheckResult, Edition } from '../result.js';
import { finding } from '../rules/finding.js';
import {
  bytesProblem,
  PROBLEM_RULES,
  problemMessage,
  problemReason,
  type SourceProblem,
} from './problems.js';

export { MAX_REPORT_BYTES, type SourceProblem } from './problems.js';

/** A report as an edge found it: its bytes, or the one named problem that stops it being read. */
export type ReportSource = { path: string; bytes: Uint8Array } | { path: string; problem: SourceProblem };

/** A report that can be checked: what `checkReport` needs of it. */
export interface ReadableReport {
  ok: true;
  path: string;
  content: Uint8Array;
}

/** A report that cannot be checked, with the one finding (and the one-line reason) that says why. */
export interface UnreadableReport {
  ok: false;
  path: string;
  problem: SourceProblem;
  /** A few words without the path, for a "could not run" line (`path: reason`). */
  reason: string;
  /** The file-level error finding (line 1), for where findings go (comments, annotations, SARIF). */
  diagnostic: Diagnostic;
}

/**
 * Loads a report for checking: bytes over the size limit or with a NUL byte, and every named problem (missing,
 * deleted, renamed, too large, binary), become one {@link UnreadableReport}; anything else is readable.
 */
export function loadSource(source: ReportSource): ReadableReport | UnreadableReport {
  if ('problem' in source) return unreadable(source.path, source.problem);
  const problem = bytesProblem(source.bytes);
  return problem ? unreadable(source.path, problem) : { ok: true, path: source.path, content: source.bytes };
}

function unreadable(path: string, problem: SourceProblem): UnreadableReport {
  const ruleId = PROBLEM_RULES[problem.kind];
  return {
    ok: false,
    path,
    problem,
    reason: problemReason(problem),
    diagnostic: {
      path,
      ...finding({
        ruleId,
        severity: 'error',
        message: problemMessage(path, problem),
        line: 1,
        question: null,
      }),
    },
  };
}

/** What was asked for the report that could not be read: its `editionSource` says whether an edition was given. */
export interface EditionChoice {
  edition: Edition | 'auto';
}

/**
 * The result for a report that could not be read: its one error finding, no questions, and a course checker
 * that would crash (it cannot read the report either). No edition: nothing was read to detect one from, and a
 * given one was not checked against anything.
 */
export function unreadableResult(report: UnreadableReport, choice: EditionChoice): CheckResult {
  return {
    path: report.path,
    edition: null,
    editionSource: choice.edition === 'auto' ? 'detected' : 'given',
    diagnostics: [report.diagnostic],
    questions: [],
    courseChecker: { outcome: 'crash', failures: [], reason: report.diagnostic.message },
  };
}
