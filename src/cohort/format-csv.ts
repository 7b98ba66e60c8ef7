import { stringify } from 'csv-stringify/sync';
import { checkerText, questionNumbers, rowChangeText, type CohortRow } from './columns.js';

/**
 * The cohort as CSV for a spreadsheet: one row per group, the group's columns, then a column group per question
 * (`qN words`, `qN images`, `qN status`, `qN by`: how far out of range), then `not checked` (why the image checks
 * could not run) and `error` last.
 */
export function formatCohortCsv(rows: readonly CohortRow[]): string {
  const numbers = questionNumbers(rows);
  const compared = rows.some((row) => row.change);
  const header = [
    'source',
    'link',
    'ref',
    'edition',
    'course checker',
    'course checker warnings',
    'scraper num_warnings',
    'scraper checker edition',
    'scraper note',
    'errors',
    'warnings',
    'notices',
    'answered',
    'questions',
    ...(compared ? ['change'] : []),
    ...numbers.flatMap((n) => [`q${n} words`, `q${n} images`, `q${n} status`, `q${n} by`]),
    'not checked',
    'error',
  ];
  const records = rows.map((row) => {
    const questions = numbers.flatMap((n) => {
      const q = row.questions?.find((question) => question.number === n);
      if (!q) return ['', '', '', ''];
      const by = q.wordsBy !== 0 ? `${q.wordsBy} words` : q.imagesBy !== 0 ? `${q.imagesBy} images` : '';
      return [q.words, q.images, q.status, by];
    });
    return [
      row.source,
      row.link ?? '',
      row.ref ?? '',
      row.edition ?? '',
      checkerText(row),
      row.courseChecker && row.courseChecker.outcome !== 'crash' ? row.courseChecker.failures.length : '',
      row.scraper?.numWarnings ?? '',
      row.scraper?.checkerEdition ?? '',
      row.scraper?.note ?? '',
      row.summary?.errors ?? '',
      row.summary?.warnings ?? '',
      row.summary?.notices ?? '',
      row.answered ?? '',
      row.questionCount ?? '',
      ...(compared ? [rowChangeText(row)] : []),
      ...questions,
      row.unchecked ?? '',
      row.error ?? '',
    ];
  });
  return stringify([header, ...records], { eof: true });
}
