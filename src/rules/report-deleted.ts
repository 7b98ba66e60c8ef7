import type { Rule } from './rule.js';

/** The pull request deletes the report. */
export const reportDeleted: Rule = {
  id: 'report-deleted',
  severity: 'error',
  summary: 'the pull request deletes the report',
  description:
    'Merging this pull request would remove the report the course checker reads. Restore the file in the pull request.',
  bad: 'git rm reports/README.md',
  good: 'git checkout origin/main -- reports/README.md',
  fixable: false,
  check: null,
};
