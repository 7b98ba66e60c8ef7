import type { Diagnostic, Fix, TextEdit } from '../diagnostic.js';
import { applyFixes } from '../fixes/apply.js';
import { fixesKeepingVerdict } from '../fixes/keep-verdict.js';
import type { CourseCheckerVerdict } from '../result.js';
import { indexLines } from '../fixes/line-index.js';
import { ruleDocsUrl } from '../project.js';
import { fixPieces, type LinePiece } from './fix-info.js';

/** What markdownlint's `onError` takes (its RuleOnErrorInfo, kept here so the engine does not import markdownlint). */
export interface ErrorInfo {
  lineNumber: number;
  detail: string;
  context?: string;
  information?: URL;
  range?: [number, number];
  fixInfo?: LinePiece;
}

/** Where the findings go: the whole file's text, and how many of its lines markdownlint keeps out (front matter). */
export interface Placement {
  text: string;
  hidden: number;
  /** Lines markdownlint hands the rule (its `params.lines`). */
  lines: readonly string[];
}

/** The detail of a finding: its rule id and severity, then its message as the CLI prints it. */
export function findingDetail(d: Pick<Diagnostic, 'ruleId' | 'severity' | 'message'>): string {
  return `${d.ruleId} (${d.severity}): ${d.message}`;
}

/** A finding's detail, split back into rule id, severity and message (null for the part of a fix). */
export function parseDetail(detail: string): { ruleId: string; severity: string; message: string } | null {
  const match = /^([a-z0-9-]+) \((error|warning|notice)\): ([^]*)$/.exec(detail);
  return match ? { ruleId: match[1] ?? '', severity: match[2] ?? '', message: match[3] ?? '' } : null;
}

const editsKey = (edits: readonly TextEdit[]): string =>
  edits.map((e) => `${e.line}:${e.column}:${e.endLine}:${e.endColumn}:${e.text}`).join('\u0000');

/** The course checker's verdict on the text, and the engine to check a fixed text again (as `--fix` does). */
export interface VerdictCheck {
  before: CourseCheckerVerdict;
  recheck: (text: string) => CourseCheckerVerdict | null;
}

/** The fixes `--fix` applies: not overlapping another, and (with `verdict`) not making the checker fail more. */
function appliedFixes(text: string, diagnostics: readonly Diagnostic[], verdict?: VerdictCheck): Set<Fix> {
  const keyed = diagnostics.flatMap((d) => (d.fix ? [{ ...d.fix, finding: d, original: d.fix }] : []));
  if (keyed.length === 0) return new Set();
  const out = verdict
    ? fixesKeepingVerdict(text, keyed, verdict.before, verdict.recheck)
    : applyFixes(text, keyed);
  return new Set(out.applied.map((fix) => fix.original));
}

/**
 * The fixes markdownlint may apply: those `--fix` applies, each once (two findings sharing one fix offer it on
 * the first), so that markdownlint's fix-all gives the text `--fix` gives.
 */
function fixOffer(
  text: string,
  diagnostics: readonly Diagnostic[],
  verdict?: VerdictCheck,
): (fix: Fix) => boolean {
  const applied = appliedFixes(text, diagnostics, verdict);
  const offered = new Set<string>();
  return (fix) => {
    const key = editsKey(fix.edits);
    if (!applied.has(fix) || offered.has(key)) return false;
    offered.add(key);
    return true;
  };
}

/** The column range of a finding on its own line, when it has one markdownlint accepts. */
function rangeOf(d: Diagnostic, line: string | undefined): [number, number] | undefined {
  if (line === undefined || d.endLine !== d.line || d.endColumn <= d.column) return undefined;
  const length = Math.min(d.endColumn, line.length + 1) - d.column;
  return length >= 1 ? [d.column, length] : undefined;
}

/**
 * Every finding as a markdownlint error on its line (a finding in the front matter, or without a line, on line
 * 1), its fix as a quick fix. markdownlint takes one fixInfo per error, so a fix of several pieces (markers on
 * several lines) puts its first piece on the finding and each other piece on an error of its own line, marked
 * "part i of n": fixing all then gives the text `--fix` gives, and each part is safe on its own.
 */
export function toErrors(
  diagnostics: readonly Diagnostic[],
  at: Placement,
  verdict?: VerdictCheck,
): ErrorInfo[] {
  const offer = fixOffer(at.text, diagnostics, verdict);
  const index = diagnostics.some((d) => d.fix) ? indexLines(at.text) : null;
  const last = Math.max(1, at.lines.length);
  const place = (line: number): number => Math.min(last, Math.max(1, line - at.hidden));
  const errors: ErrorInfo[] = [];
  for (const d of diagnostics) {
    const lineNumber = place(d.line);
    const exact = d.line - at.hidden === lineNumber;
    const error: ErrorInfo = {
      lineNumber,
      detail: findingDetail(d),
      information: new URL(ruleDocsUrl(d.ruleId)),
    };
    const where = exact ? [] : [`line ${d.line} of the file`];
    if (!exact) error.context = where.join('');
    const range = exact ? rangeOf(d, at.lines[lineNumber - 1]) : undefined;
    if (range) error.range = range;
    const pieces = d.fix && index && offer(d.fix) ? fixPieces(d.fix, index, at.hidden) : null;
    if (d.fix && pieces) {
      const moved = pieces.map((p) => ({ ...p, lineNumber: p.lineNumber - at.hidden }));
      error.fixInfo = moved[0];
      error.context = [...where, `fix: ${d.fix.description}${d.fix.after ? ` (${d.fix.after})` : ''}`].join(
        '; ',
      );
      errors.push(error);
      moved.slice(1).forEach((piece, i) =>
        errors.push({
          lineNumber: piece.lineNumber,
          // The line as markdownlint shows it, front matter counted: the finding's own line in the file.
          detail: `${d.ruleId} (fix, part ${i + 2} of ${moved.length} for line ${d.line}): ${d.fix?.description ?? ''}`,
          information: error.information,
          fixInfo: piece,
        }),
      );
    } else errors.push(error);
  }
  return errors;
}
