import type { Rule } from './rule.js';

/** The report is over the size limit. */
export const reportTooLarge: Rule = {
  id: 'report-too-large',
  severity: 'error',
  summary: 'the report file is over 1 MiB',
  description:
    'Real reports are well under 100 KiB; a file over 1 MiB is almost surely not a report (an image or a data file pasted in, or a file committed at the wrong path), and it is not checked. Keep images in files linked from the report and shrink the report.',
  bad: '![plot](data:image/png;base64,iVBORw0KGgo…)   (a 2 MB image inlined)',
  good: '![plot](figures/plot.png)',
  fixable: false,
  check: null,
};
