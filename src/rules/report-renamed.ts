import type { Rule } from './rule.js';

/** The pull request moves the report away from its path. */
export const reportRenamed: Rule = {
  id: 'report-renamed',
  severity: 'error',
  summary: 'the pull request moves the report away from its path',
  description:
    'The course checker reads the report from one fixed path, so a report moved or renamed elsewhere is not found. Move it back.',
  bad: 'git mv reports/README.md reports/report.md',
  good: 'git mv reports/report.md reports/README.md',
  fixable: false,
  check: null,
};
