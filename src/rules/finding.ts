import { fingerprint, type Diagnostic, type Severity } from '../diagnostic.js';
import type { Finding } from './rule.js';

/** The fields of a finding that {@link finding} fills in when they are left out. */
export interface FindingFields {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  /** 1 when left out. */
  column?: number;
  /** `line` when left out. */
  endLine?: number;
  /** 1 when left out. */
  endColumn?: number;
  question: number | null;
  expected?: unknown;
  actual?: unknown;
  /** What {@link fingerprint} is computed from: the question (default: `question`) and a discriminator. */
  identity?: { question?: number | null; key?: string };
}

/**
 * A finding from its fields: a whole-line range by default, fingerprinted by rule, question and key. The optional
 * fields are assigned rather than spread in, keeping the key order (`expected`, `actual`, then `fingerprint`)
 * without copying the object.
 */
export function finding(fields: FindingFields): Finding {
  const { ruleId, severity, message, line, question, identity } = fields;
  const fingerprintQuestion = identity && 'question' in identity ? (identity.question ?? null) : question;
  const column = fields.column ?? 1;
  const endLine = fields.endLine ?? line;
  const endColumn = fields.endColumn ?? 1;
  const found: Omit<Finding, 'fingerprint'> & { fingerprint?: string } = {
    ruleId,
    severity,
    message,
    line,
    column,
    endLine,
    endColumn,
    question,
  };
  if ('expected' in fields) found.expected = fields.expected;
  if ('actual' in fields) found.actual = fields.actual;
  found.fingerprint = fingerprint(ruleId, fingerprintQuestion, identity?.key);
  return found as Finding;
}

/** Keeps a finding's range inside the file, whatever went wrong upstream. */
export function clamp(found: Finding, lineCount: number): Finding {
  return { ...found, ...clampedRange(found, lineCount) };
}

/**
 * The diagnostic of a finding in the report at `path`: `path` first, then the finding's fields in their order,
 * its range clamped as {@link clamp} does. One copy by `Object.assign`: the two object spreads it replaces were
 * slow on findings of many shapes.
 */
export function placeFinding(path: string, found: Finding, lineCount: number): Diagnostic {
  const range = clampedRange(found, lineCount);
  const placed: Diagnostic = Object.assign({ path }, found);
  placed.line = range.line;
  placed.endLine = range.endLine;
  placed.column = range.column;
  placed.endColumn = range.endColumn;
  return placed;
}

function clampedRange(
  found: Finding,
  lineCount: number,
): { line: number; endLine: number; column: number; endColumn: number } {
  const line = Math.min(Math.max(1, found.line), lineCount);
  const endLine = Math.min(Math.max(line, found.endLine), lineCount);
  const column = Math.max(1, found.column);
  const endColumn = endLine === line ? Math.max(column, found.endColumn) : Math.max(1, found.endColumn);
  return { line, endLine, column, endColumn };
}
