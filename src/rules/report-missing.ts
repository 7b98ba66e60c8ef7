import type { Rule } from './rule.js';

/** The report is not at the configured path. */
export const reportMissing: Rule = {
  id: 'report-missing',
  severity: 'error',
  summary: 'the report file is not at its path',
  description:
    'The course checker reads the report from `reports/README.md` (or the path the workflow configures). When there is no file there, nothing can be checked and the hand-in has no report. Restore the file at that path.',
  bad: 'reports/readme.md   (wrong case: the checker reads reports/README.md)',
  good: 'reports/README.md',
  fixable: false,
  check: null,
};
