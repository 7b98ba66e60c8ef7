import { bySeverityThenLine, type Diagnostic, type Severity } from './diagnostic.js';
import { ruleDocsUrl } from './project.js';
import { printable } from './output/printable.js';

/** A GitHub annotation for one finding: what `core.error/warning/notice` and the `::error` command both carry. */
export interface Annotation {
  level: Severity;
  message: string;
  title: string;
  file: string;
  startLine: number;
  endLine: number;
  /** Only when the finding is on one line: GitHub ignores columns on multi-line annotations. */
  startColumn?: number;
  endColumn?: number;
}

/**
 * The one diagnostic → annotation mapping (action and `--format github`): title names the rule and question; the
 * message ends with the rule's docs page (annotations are plain text, so the URL is written out).
 */
export function toAnnotation(d: Diagnostic, file: string = d.path): Annotation {
  const endLine = Math.max(d.line, d.endLine);
  const annotation: Annotation = {
    level: d.severity,
    // Each part on one printable line: a message can quote the report (an image path, decoded).
    message: `${d.note ? `${printable(d.message)}\n${printable(d.note)}` : printable(d.message)}\nDocs: ${ruleDocsUrl(d.ruleId)}`,
    title:
      d.question === null
        ? `report-check: ${d.ruleId}`
        : `report-check: ${d.ruleId} (question ${d.question})`,
    file,
    startLine: d.line,
    endLine,
  };
  if (endLine === d.line) {
    annotation.startColumn = d.column;
    annotation.endColumn = Math.max(d.column, d.endColumn);
  }
  return annotation;
}

/**
 * Annotations for every finding, most important first: GitHub shows only 10 per level per step and 50 per job
 * (docs: workflow commands, "Setting an error message"), so errors come first, then by line.
 */
export function planAnnotations(diagnostics: readonly Diagnostic[]): Annotation[] {
  return [...diagnostics].sort(bySeverityThenLine).map((d) => toAnnotation(d));
}
