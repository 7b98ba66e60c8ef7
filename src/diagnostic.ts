/** How bad a finding is: `error` = the course checker fails or crashes on it; `warning` = likely mistake; `notice` = not answered yet. */
export type Severity = 'error' | 'warning' | 'notice';

/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/** One finding about a report: data, never an exception. Lines and columns are 1-based; `endColumn` is exclusive. */
export interface Diagnostic {
  /** Stable kebab-case rule id, e.g. `word-count`. */
  ruleId: string;
  severity: Severity;
  /** One sentence to the student saying what to change. */
  message: string;
  /** Report path the finding belongs to (relative to the repository root in the action). */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Question number the finding is about, or null for the whole file. */
  question: number | null;
  expected?: unknown;
  actual?: unknown;
  /** Extra detail that does not fit the one-sentence message. */
  note?: string;
  /** Stable identity of the finding across runs, independent of its line (see {@link fingerprint}). */
  fingerprint: string;
  /** The one right edit, when the rule knows it (data, never applied by the rule itself). */
  fix?: Fix;
}

/**
 * One replacement in the report's text: the range from (`line`, `column`) up to, not including, (`endLine`,
 * `endColumn`) becomes `text`. 1-based; columns count UTF-16 code units; a range may span line ends.
 */
export interface TextEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A finding's fix: edits that never change the words of the student's own answer, and what it leaves. */
export interface Fix {
  /** One line saying what the fix does, e.g. "Remove the template's `---` markers". */
  description: string;
  /** Non-overlapping edits, in text order, applied together or not at all. */
  edits: TextEdit[];
  /** The finding's state once the fix is applied, e.g. "79 words: still 21 short", or absent when it is resolved. */
  after?: string;
}

/** Numeric rank of a severity: lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Whether `severity` is at least as severe as `threshold`. */
export function reaches(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

/** 32-bit FNV-1a of a string's UTF-16 code units, continued from `hash`. */
function fnv1a(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Each byte's two hex digits: a hash is four lookups, not `toString(16)` and `padStart` (most of a fingerprint's time). */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => (byte < 16 ? '0' : '') + byte.toString(16));

/** `hash` as 8 lower-case hex digits, as `(hash >>> 0).toString(16).padStart(8, '0')` writes it. */
function hex8(hash: number): string {
  return (
    (HEX_BYTES[(hash >>> 24) & 0xff] as string) +
    (HEX_BYTES[(hash >>> 16) & 0xff] as string) +
    (HEX_BYTES[(hash >>> 8) & 0xff] as string) +
    (HEX_BYTES[hash & 0xff] as string)
  );
}

/**
 * A short hash naming a finding by what it is about, not where: rule, question and a discriminator such as the
 * image path. Line numbers are left out so that editing one answer does not make every later finding "new".
 * It only has to be stable, not secret: two FNV-1a hashes (of `rule NUL question NUL key`, from two offset bases)
 * instead of node:crypto, whose loading alone costs a cold CLI start more than the whole check. The parts are
 * hashed one after the other, as the joined text would be, without joining them.
 */
export function fingerprint(ruleId: string, question: number | null, key = ''): string {
  const middle = String(question ?? '-');
  let a = fnv1a(ruleId, 0x811c9dc5);
  let b = fnv1a(ruleId, 0x050c5d1f);
  a = Math.imul(a, 0x01000193); // NUL: `hash ^ 0` is `hash`
  b = Math.imul(b, 0x01000193);
  a = Math.imul(fnv1a(middle, a), 0x01000193);
  b = Math.imul(fnv1a(middle, b), 0x01000193);
  return hex8(fnv1a(key, a)) + hex8(fnv1a(key, b));
}

/** Orders diagnostics by line, column, severity, question, then rule id: the order students read them in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    severityRank(a.severity) - severityRank(b.severity) ||
    (a.question ?? 0) - (b.question ?? 0) ||
    compareRuleIds(a.ruleId, b.ruleId) ||
    (a.message === b.message ? 0 : a.message.localeCompare(b.message))
  );
}

/** A rule id as the registry writes them: kebab-case, lower-case ASCII letters and digits. */
const KEBAB = /^[a-z0-9-]*$/;

/**
 * `a.localeCompare(b)` for rule ids. Kebab-case ids compare by code unit, which orders them as the collation
 * does (`-` before digits before letters; a test holds every registered pair to it): the first `localeCompare`
 * of a process builds ICU's collator, 6–8 ms of a cold CLI run, and one report in seven has findings of two
 * rules at the same place. Any other id (a rule of a future version, say) still goes to `localeCompare`.
 */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (KEBAB.test(a) && KEBAB.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/**
 * Orders diagnostics by severity (errors first), then line and column: the order a reader should meet them in a
 * review, a summary or the annotations (GitHub shows only the first few annotations of each level).
 */
export function bySeverityThenLine(a: Diagnostic, b: Diagnostic): number {
  return severityRank(a.severity) - severityRank(b.severity) || a.line - b.line || a.column - b.column;
}

/** The findings that fail the gate set by `fail-on` (none when it is `never`). */
export function failingFindings(
  diagnostics: readonly Diagnostic[],
  failOn: Severity | 'never',
): Diagnostic[] {
  return failOn === 'never' ? [] : diagnostics.filter((d) => reaches(d.severity, failOn));
}
