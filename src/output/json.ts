import type { Diagnostic } from '../diagnostic.js';
import type { CheckResult, CourseCheckerVerdict, QuestionSummary } from '../result.js';
import type { FileFailure } from './file-failure.js';
import { countSeverities, type SeverityCounts } from './severity-counts.js';

/** One finding in the JSON document; `line`/`column` are 1-based, `endColumn` exclusive. */
export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Null for findings about the whole file. */
  question: number | null;
  fingerprint: string;
  expected?: unknown;
  actual?: unknown;
  note?: string;
}

/** One checked report in the JSON document. */
export interface JsonFile {
  path: string;
  edition: CheckResult['edition'];
  editionSource: CheckResult['editionSource'];
  summary: SeverityCounts;
  diagnostics: JsonDiagnostic[];
  questions: QuestionSummary[];
  /** Extra questions (not the edition's or the schema's) the report has past the 50 listed; 0 when none. */
  questionsOmitted: number;
  courseChecker: CourseCheckerVerdict;
}

/** The whole document `report-check --format json` prints. */
export interface JsonReport {
  files: JsonFile[];
  /** Reports that could not be checked at all; empty when every report was read. */
  errors: FileFailure[];
}

function toJsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: diagnostic.line,
    column: diagnostic.column,
    endLine: diagnostic.endLine,
    endColumn: diagnostic.endColumn,
    question: diagnostic.question,
    fingerprint: diagnostic.fingerprint,
  };
  if (diagnostic.expected !== undefined) out.expected = diagnostic.expected;
  if (diagnostic.actual !== undefined) out.actual = diagnostic.actual;
  if (diagnostic.note !== undefined) out.note = diagnostic.note;
  return out;
}

function toJsonQuestion(question: QuestionSummary): QuestionSummary {
  // The contract's fields first, in a fixed order; anything the engine adds later follows.
  const { number, words, images, answered, ...rest } = question;
  return { number, words, images, answered, ...rest };
}

/** Builds the JSON document (as a value) for checked reports and reports that could not be read. */
export function toJsonReport(
  results: readonly CheckResult[],
  failures: readonly FileFailure[] = [],
): JsonReport {
  return {
    files: results.map((result) => ({
      path: result.path,
      edition: result.edition,
      editionSource: result.editionSource,
      summary: countSeverities(result.diagnostics),
      diagnostics: result.diagnostics.map(toJsonDiagnostic),
      questions: result.questions.map(toJsonQuestion),
      questionsOmitted: result.questionsOmitted ?? 0,
      courseChecker: {
        outcome: result.courseChecker.outcome,
        failures: result.courseChecker.failures.map((failure) => ({
          question: failure.question,
          kind: failure.kind,
          min: failure.min,
          max: failure.max,
          got: failure.got,
        })),
        reason: result.courseChecker.reason,
      },
    })),
    errors: failures.map((failure) => ({ path: failure.path, message: failure.message })),
  };
}

/**
 * The JSON document `{"files":[...],"errors":[...]}` for checked reports, pretty-printed with a final newline.
 * Field order is fixed so that the same input always gives the same bytes.
 */
export function formatJson(results: readonly CheckResult[], failures: readonly FileFailure[] = []): string {
  return `${JSON.stringify(toJsonReport(results, failures), null, 2)}\n`;
}
