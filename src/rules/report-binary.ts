import type { Rule } from './rule.js';

/** The report has a NUL byte: it is a binary file, not markdown. */
export const reportBinary: Rule = {
  id: 'report-binary',
  severity: 'error',
  summary: 'the report file is binary (it has a NUL byte), not markdown',
  description:
    "A markdown report is text; a NUL byte means the file at the report's path is something else (an image, a PDF, a word-processor file saved under the report's name). It is not checked. Commit the report as markdown text at its path.",
  bad: 'reports/README.md   (a .docx saved under that name)',
  good: 'reports/README.md   (the markdown template, filled in)',
  fixable: false,
  check: null,
};
