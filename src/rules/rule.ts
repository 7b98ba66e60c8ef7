import type { Diagnostic, Fix, Severity } from '../diagnostic.js';
import type { CheckerReading } from '../parse/course-checker.js';
import type { ReportModel } from '../parse/report.js';
import type { Edition } from '../result.js';
import type { Constraints } from '../validate/constraints.js';
import type { ReportDocument } from '../validate/document.js';
import type { FileLookup } from '../validate/images.js';
import type { ErrorObject } from 'ajv';
import type { EditionContradiction } from './edition-mismatch.js';
import type { FixContext } from './fix-context.js';
import type { Once } from './once.js';

/** A finding before it is given the report's path (rules do not need to know it). */
export type Finding = Omit<Diagnostic, 'path'>;

/** Everything a rule may read: the report model, the course checker's reading and the checked document. */
export interface RuleContext {
  /** The report's path relative to the repository root (images are resolved against it). */
  path: string;
  model: ReportModel;
  reading: CheckerReading;
  edition: Edition;
  /** How many answers the edition's course checker expects. */
  expected: number;
  /** When the edition was given and the text is another edition's template: what the text matches. */
  editionContradiction: EditionContradiction | null;
  constraints: Constraints;
  /** The extracted document the constraints were checked against, with where each answer lies. */
  document: ReportDocument;
  /** What ajv said about the document (already computed once; several rules read it). */
  schemaErrors: readonly ErrorObject[];
  /** The repository's files, or null when nothing is known about them. */
  files: FileLookup | null;
  /** Unanswered questions are errors (the final hand-in). */
  strict: boolean;
  /** 1-based lines with bytes that are not valid UTF-8. */
  invalidUtf8Lines: readonly number[];
  /** `error` when the course checker would crash, else `warning`: the severity of the skeleton rules. */
  structureSeverity: Severity;
  /** Whether the checker reads answers by position (it does not crash), so its assignment can be trusted. */
  positional: boolean;
  /** What several rules ask of this report, computed once for all of them (see once.ts). */
  once: Once;
}

/** One rule: what it is called, how bad it is, what it finds, how to fix it, and (when the engine runs it) its check. */
export interface Rule {
  /** Stable kebab-case id students see, e.g. `word-count`. */
  id: string;
  /** The severity the rule usually gives. */
  severity: Severity;
  /** When the severity depends on the report, how (for the docs); else absent. */
  severityNote?: string;
  /** One line: what the rule finds. */
  summary: string;
  /** A paragraph: why it matters and how to fix it (markdown). */
  description: string;
  /** A small report excerpt that breaks the rule. */
  bad: string;
  /** The same excerpt fixed. */
  good: string;
  /** Whether report-check can offer a fix for it (then {@link Rule.fix} makes it). */
  fixable: boolean;
  /**
   * The one right edit for one of the rule's findings, or null when there is none for this one (e.g. in code).
   * Reads the report only through `context`, whose tables are computed once per report.
   */
  fix?: (found: Finding, context: FixContext) => Fix | null;
  /**
   * The rule's check over the report, given the findings of the rules listed before it in the registry; null for
   * rules about the report file itself (missing, deleted, …), which the source loader reports.
   */
  check: ((context: RuleContext, earlier: readonly Finding[]) => Finding[]) | null;
}
