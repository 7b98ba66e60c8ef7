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
  // The contract's fields first, in a fixed order; anything the engine adds later follows, in its order (assign
  // keeps the keys the target has where they are). A rest pattern made the same object through a slow runtime
  // call, once for each of a corpus run's 3,000 questions.
  const { number, words, images, answered } = question;
  return Object.assign({ number, words, images, answered }, question);
}

/** One checked report as the JSON document lists it under `files`. */
function toJsonFile(result: CheckResult): JsonFile {
  return {
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
  };
}

function toJsonFailure(failure: FileFailure): FileFailure {
  return { path: failure.path, message: failure.message };
}

/** Builds the JSON document (as a value) for checked reports and reports that could not be read. */
export function toJsonReport(
  results: readonly CheckResult[],
  failures: readonly FileFailure[] = [],
): JsonReport {
  return { files: results.map(toJsonFile), errors: failures.map(toJsonFailure) };
}

/**
 * The JSON document `{"files":[...],"errors":[...]}` for checked reports, pretty-printed with a final newline.
 * Field order is fixed so that the same input always gives the same bytes.
 */
export function formatJson(results: readonly CheckResult[], failures: readonly FileFailure[] = []): string {
  return `${JSON.stringify(toJsonReport(results, failures), null, 2)}\n`;
}

/** {@link formatJson}'s document, written a report at a time: see {@link jsonWriter}. */
export interface JsonWriter {
  /** Writes the next checked report's entry of `files`. */
  file(result: CheckResult): void;
  /** Writes the end of the document: closes `files`, then `errors` with the reports that could not be checked. */
  end(failures: readonly FileFailure[]): void;
}

/**
 * How much of JSON.stringify's text of a document holding one report as its first file is the document's: the
 * report's entry comes after `{\n  "files": [\n` as it begins the whole document, and `\n  ]\n}` follows it.
 */
const FIRST_CLOSE = '\n  ]\n}'.length;
/**
 * JSON.stringify's text of `[[0, report]]` opens with `[\n  [\n    0` (11 characters), which `,\n` and the report's
 * entry follow, as any report but the first stands in the document, and ends with these 6, `\n  ]\n]`.
 */
const LATER_OPEN = '[\n  [\n    0'.length;
const LATER_CLOSE = '\n  ]\n]'.length;

/**
 * Writes exactly the bytes of {@link formatJson} for the reports handed to it in order, each report's part as soon
 * as it is known. A run over many reports then keeps no result until the end, and never builds the whole document:
 * over the corpus's 107 reports that is 2 MB of text (plus its UTF-8 copy) and the results' 1.5 MB, which the young
 * generation's scavenges copied again and again (about 20 ms of a 225 ms run, Node 24).
 */
export function jsonWriter(write: (text: string) => void): JsonWriter {
  let files = 0;
  return {
    file(result) {
      // One report at the depth and indent it has in the whole document, with what goes before it, as
      // JSON.stringify itself writes them, cut out of one string: a separator joined to it would copy it whole
      // once more to be encoded, and written apart it was a second write for each report.
      const file = toJsonFile(result);
      if (files === 0) {
        const text = JSON.stringify({ files: [file] }, null, 2);
        write(text.slice(0, text.length - FIRST_CLOSE));
      } else {
        const text = JSON.stringify([[0, file]], null, 2);
        write(text.slice(LATER_OPEN, text.length - LATER_CLOSE));
      }
      files += 1;
    },
    end(failures) {
      // `{\n  "errors": [...]\n}` without its opening brace is the document's last member and its closing brace.
      const errors = JSON.stringify({ errors: failures.map(toJsonFailure) }, null, 2).slice(2);
      write(`${files === 0 ? '{\n  "files": [],\n' : '\n  ],\n'}${errors}\n`);
    },
  };
}
