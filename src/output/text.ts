import type { Diagnostic, Severity } from '../diagnostic.js';
import { plural } from '../plural.js';
import type { CheckResult, CourseCheckerVerdict } from '../result.js';
import { editionPhrase } from './edition.js';
import type { FileFailure } from './file-failure.js';
import { formatOffBy } from './off-by.js';
import { printable } from './printable.js';
import { countSeverities, type SeverityCounts } from './severity-counts.js';

/** How to print text output. */
export interface TextOptions {
  /** Use ANSI colours (the CLI decides from the TTY and NO_COLOR / FORCE_COLOR). */
  color: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
} as const;

const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, notice: ANSI.blue };

function paint(text: string, code: string, options: TextOptions): string {
  return options.color ? `${code}${text}${ANSI.reset}` : text;
}

/** One finding as `path:line:col severity message [rule]`, `path` already made printable (once per report). */
function diagnosticLine(path: string, diagnostic: Diagnostic, options: TextOptions): string {
  const where = paint(`${path}:${diagnostic.line}:${diagnostic.column}`, ANSI.bold, options);
  const severity = paint(diagnostic.severity, SEVERITY_COLOR[diagnostic.severity], options);
  const rule = paint(`[${diagnostic.ruleId}]`, ANSI.dim, options);
  return `${where} ${severity} ${printable(diagnostic.message)} ${rule}`;
}

/**
 * The course checker's predicted verdict in a few words, each failure with how far and which way it is out of
 * range, e.g. `fail on 14 (words -13), 19 (images +1)`.
 */
export function describeCourseChecker(verdict: CourseCheckerVerdict): string {
  if (verdict.outcome === 'pass') return 'pass';
  if (verdict.outcome === 'crash') return `crash (${printable(verdict.reason ?? 'unknown reason')})`;
  const byQuestion = new Map<number, string[]>();
  for (const failure of verdict.failures) {
    const kinds = byQuestion.get(failure.question) ?? [];
    const by = formatOffBy(failure.got, failure);
    kinds.push(by === '' ? failure.kind : `${failure.kind} ${by}`);
    byQuestion.set(failure.question, kinds);
  }
  const list = [...byQuestion].map(([question, kinds]) => `${question} (${kinds.join(', ')})`).join(', ');
  return list === '' ? 'fail' : `fail on ${list}`;
}

function describeCounts(counts: SeverityCounts, options: TextOptions): string {
  if (counts.errors + counts.warnings + counts.notices === 0)
    return paint('no findings', ANSI.green, options);
  const parts: [number, string, string][] = [
    [counts.errors, 'error', ANSI.red],
    [counts.warnings, 'warning', ANSI.yellow],
    [counts.notices, 'notice', ANSI.blue],
  ];
  return parts
    .map(([count, word, color]) =>
      count > 0 ? paint(plural(count, word), color, options) : plural(count, word),
    )
    .join(', ');
}

/** The one-line summary of a report: counts, edition, and what the course's `report.py check` would do. */
export function formatTextSummary(result: CheckResult, options: TextOptions): string {
  const counts = describeCounts(countSeverities(result.diagnostics), options);
  const edition = editionPhrase(result);
  const verdict = describeCourseChecker(result.courseChecker);
  const coloredVerdict = paint(
    verdict,
    result.courseChecker.outcome === 'pass' ? ANSI.green : ANSI.red,
    options,
  );
  return `${paint(printable(result.path), ANSI.bold, options)}: ${counts}; ${edition ? `${edition}; ` : ''}course checker: ${coloredVerdict}`;
}

/** A checked report as text: one line per finding, then the summary line; ends with a newline. */
export function formatText(result: CheckResult, options: TextOptions): string {
  const path = printable(result.path);
  const lines = result.diagnostics.map((diagnostic) => diagnosticLine(path, diagnostic, options));
  lines.push(formatTextSummary(result, options));
  return `${lines.join('\n')}\n`;
}

/** The line for a report that could not be checked: `report-check: PATH: what went wrong`. */
export function formatTextFailure(failure: FileFailure): string {
  return `report-check: ${printable(failure.path)}: ${printable(failure.message)}\n`;
}

/** A closing line over many reports (printed only when more than one report was given). */
export function formatTextTotal(
  results: readonly CheckResult[],
  failures: readonly FileFailure[],
  options: TextOptions,
): string {
  const counts = countSeverities(results.flatMap((result) => result.diagnostics));
  const outcomes = { pass: 0, fail: 0, crash: 0 };
  for (const result of results) outcomes[result.courseChecker.outcome] += 1;
  const checked = plural(results.length + failures.length, 'report');
  const unreadable = failures.length > 0 ? `, ${failures.length} could not be checked` : '';
  return (
    `${checked}${unreadable}: ${describeCounts(counts, options)}; ` +
    `course checker: ${outcomes.pass} pass, ${outcomes.fail} fail, ${outcomes.crash} crash\n`
  );
}
