import { compareDiagnostics, type Severity } from './diagnostic.js';
import { EXPECTED_ANSWERS, readAsCourseChecker } from './parse/course-checker.js';
import { decodeReport } from './parse/decode.js';
import { readEdition, type EditionReading } from './parse/edition.js';
import { lineStarts } from './parse/lines.js';
import { parseReport } from './parse/report.js';
import type { CheckResult, Edition, EditionLabel } from './result.js';
import { editionContradiction } from './rules/edition-mismatch.js';
import { placeFinding } from './rules/finding.js';
import { looksLikeReport, notAReportFinding } from './rules/not-a-report.js';
import { onceTable } from './rules/once.js';
import { runRules } from './rules/run-rules.js';
import { builtinConstraints, type Constraints } from './validate/constraints.js';
import { buildDocument, validateReportDocument } from './validate/document.js';
import { indexFiles, type FileLookup } from './validate/images.js';
import { summariseQuestions } from './validate/summary.js';
import { predictVerdict } from './validate/verdict.js';

/** What {@link checkReport} needs: the report's bytes and where it lives, nothing read from disk or network. */
export interface CheckInput {
  /** The report's path relative to the repository root, e.g. `reports/README.md`. */
  path: string;
  /** The report's raw bytes (or text already decoded). */
  content: Uint8Array | string;
  /**
   * The repository's files, for the image checks: every path (relative to the root), or a lookup that asks the
   * file system only about the images' paths (the CLI's); null skips the checks.
   */
  files?: readonly string[] | FileLookup | null;
  /** Force an edition instead of detecting it from the prompts. */
  edition?: Edition | 'auto';
  /** A custom constraints schema, from `loadConstraints`; replaces the edition's built-in one. */
  constraints?: Constraints | null;
  /** Make unanswered questions errors (for the final hand-in). */
  strict?: boolean;
}

export type { CheckResult };

function fileLookup(files: CheckInput['files']): FileLookup | null {
  if (!files) return null;
  return 'has' in files ? files : indexFiles(files);
}

/**
 * Checks one report: reads it as the course checker of its edition would, builds the report model, validates the
 * extracted document against the constraints schema and collects every finding. Pure: no I/O, no clock.
 * Throws a `RunError` only for content that is not a report at all (binary, over 1 MiB).
 */
export function checkReport(input: CheckInput): CheckResult {
  const { text, invalidUtf8Lines } = decodeReport(input.content, input.path);
  const given = input.edition && input.edition !== 'auto' ? input.edition : null;
  // One search for the line ends, for edition detection and the parser.
  const starts = lineStarts(text);
  const read = readEdition(text, starts);
  const edition = given ?? read.edition;
  const reading = readAsCourseChecker(text, edition);
  const builtin = builtinConstraints(edition);
  const verdict = predictVerdict(reading, builtin, invalidUtf8Lines);
  if (!looksLikeReport(text, read)) return notAReportResult(input.path, verdict, given !== null);
  const model = parseReport(text, reading, starts);
  const constraints = input.constraints ?? builtin;
  const expected = EXPECTED_ANSWERS[edition];
  const positional = reading.crash === null;
  const structureSeverity: Severity = verdict.outcome === 'crash' ? 'error' : 'warning';
  const document = buildDocument(model, reading, edition, positional);

  const findings = runRules({
    path: input.path,
    model,
    reading,
    edition,
    expected,
    editionContradiction: given ? editionContradiction(given, read) : null,
    constraints,
    document,
    schemaErrors: validateReportDocument(constraints, document),
    files: fileLookup(input.files),
    strict: input.strict ?? false,
    invalidUtf8Lines,
    structureSeverity,
    positional,
    once: onceTable(),
  });
  const diagnostics = findings.map((found) => placeFinding(input.path, found, model.lineCount));
  diagnostics.sort(compareDiagnostics);
  const { questions, omitted } = summariseQuestions(expected, document, constraints, diagnostics);
  return {
    path: input.path,
    edition: input.constraints ? 'custom' : (given ?? editionLabel(read)),
    editionSource: given ? 'given' : 'detected',
    diagnostics,
    questions,
    ...(omitted > 0 && { questionsOmitted: omitted }),
    courseChecker: verdict,
  };
}

/** The edition a result names when it was detected: the text's own label (`2023/2024` when it cannot tell). */
function editionLabel(read: EditionReading): EditionLabel {
  return read.matches ?? read.edition;
}

/**
 * A file with nothing of the template: one finding, no questions, and the edition `unknown` (a given edition or
 * schema was not checked against anything; `editionSource` still says whether one was given).
 */
function notAReportResult(path: string, verdict: CheckResult['courseChecker'], given: boolean): CheckResult {
  return {
    path,
    edition: 'unknown',
    editionSource: given ? 'given' : 'detected',
    diagnostics: [{ path, ...notAReportFinding() }],
    questions: [],
    courseChecker: verdict,
  };
}
