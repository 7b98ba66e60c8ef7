import { offBy } from '../output/off-by.js';
import { countSeverities, type SeverityCounts } from '../output/severity-counts.js';
import type { CheckResult, CourseCheckerFailure, Edition, QuestionSummary, Range } from '../result.js';

/** The edition of the newest `report.py`, which the course's grading scraper runs on every report. */
export const NEWEST_EDITION: Edition = '2026';

/** A question's cell: its counts against its ranges. */
export interface GroupQuestion {
  number: number;
  words: number;
  images: number;
  wordRange: Range | null;
  imageRange: Range | null;
  /**
   * `ok`; `short` / `long` (the words, else the images, out of range; `wordsBy`/`imagesBy` say by how much);
   * `fail` (another constraint broke); `unanswered`; `missing` (no such question in the report).
   */
  status: 'ok' | 'short' | 'long' | 'fail' | 'unanswered' | 'missing';
  /** Words below the minimum (negative) or above the maximum (positive); 0 inside the range. */
  wordsBy: number;
  /** Images below the minimum (negative) or above the maximum (positive); 0 inside the range. */
  imagesBy: number;
}

/** What the course's grading scraper records for the group: WARNING lines of the newest checker, crash -> 0. */
export interface ScraperRecord {
  numWarnings: number;
  checkerEdition: Edition;
  /** What the newest checker does with the report. */
  outcome: 'pass' | 'fail' | 'crash';
  /** Why the record is not the truth, e.g. `crashes: recorded as 0`; null when it agrees with the own edition. */
  note: string | null;
}

/** One group's row: the JSON contract of `report-check cohort --format json`. */
export interface CohortGroup {
  source: string;
  kind: 'file' | 'github' | 'invalid';
  /** Where the report can be opened: its GitHub page, or its path. Null when it could not be read. */
  link: string | null;
  /** The branch or ref read, for a repository. */
  ref: string | null;
  edition: CheckResult['edition'] | null;
  editionSource: CheckResult['editionSource'] | null;
  /** The checker of the report's own edition: the truth. */
  courseChecker: {
    outcome: 'pass' | 'fail' | 'crash';
    failures: CourseCheckerFailure[];
    reason: string | null;
  } | null;
  scraper: ScraperRecord | null;
  summary: SeverityCounts | null;
  answered: number | null;
  questionCount: number | null;
  questions: GroupQuestion[] | null;
  /**
   * Why the image checks could not run although the report was read (GitHub cut its list of files short or would
   * not give it): the row's warnings may then miss missing figures. Null when every check ran.
   */
  unchecked: string | null;
  /** Why the source could not be read; null when it was. */
  error: string | null;
}

function toGroupQuestion(question: QuestionSummary): GroupQuestion {
  const wordsBy = offBy(question.words, question.wordRange);
  const imagesBy = offBy(question.images, question.imageRange);
  let status: GroupQuestion['status'];
  if (question.status === 'missing' || question.status === 'unanswered' || question.status === 'ok') {
    status = question.status;
  } else {
    const by = wordsBy !== 0 ? wordsBy : imagesBy;
    status = by < 0 ? 'short' : by > 0 ? 'long' : 'fail';
  }
  return {
    number: question.number,
    words: question.words,
    images: question.images,
    wordRange: question.wordRange,
    imageRange: question.imageRange,
    status,
    wordsBy,
    imagesBy,
  };
}

/** The scraper's record: the newest checker's WARNING lines (one per failure), or 0 when it crashes. */
export function scraperRecord(own: CheckResult, newest: CheckResult): ScraperRecord {
  const verdict = newest.courseChecker;
  const numWarnings = verdict.outcome === 'crash' ? 0 : verdict.failures.length;
  let note: string | null = null;
  if (verdict.outcome === 'crash') note = 'crashes: recorded as 0';
  else if (own.edition !== NEWEST_EDITION) {
    const truth = own.courseChecker.outcome === 'crash' ? null : own.courseChecker.failures.length;
    if (truth === null) note = `its own ${own.edition} checker crashes`;
    else if (truth !== numWarnings) note = `its own ${own.edition} checker prints ${truth}`;
  }
  return { numWarnings, checkerEdition: NEWEST_EDITION, outcome: verdict.outcome, note };
}

/** Where a group's report was read from, for its row. */
export interface GroupOrigin {
  source: string;
  kind: 'file' | 'github';
  link: string;
  ref: string | null;
  /** Why the image checks could not run, or null (see {@link CohortGroup.unchecked}). */
  unchecked: string | null;
}

/**
 * One group's row from two checks of the same report: with its own edition (the truth) and with the newest
 * checker's edition (what the grading scraper records). `checked`, the check against a custom schema when one
 * was given, supplies the findings and the question cells.
 */
export function toGroup(
  origin: GroupOrigin,
  own: CheckResult,
  newest: CheckResult,
  checked: CheckResult = own,
): CohortGroup {
  const questions = checked.questions.map(toGroupQuestion);
  return {
    source: origin.source,
    kind: origin.kind,
    link: origin.link,
    ref: origin.ref,
    edition: own.edition,
    editionSource: own.editionSource,
    courseChecker: {
      outcome: own.courseChecker.outcome,
      failures: own.courseChecker.failures.map((f) => ({ ...f })),
      reason: own.courseChecker.reason,
    },
    scraper: scraperRecord(own, newest),
    summary: countSeverities(checked.diagnostics),
    answered: checked.questions.filter((q) => q.answered).length,
    questionCount: checked.questions.length,
    questions,
    unchecked: origin.unchecked,
    error: null,
  };
}

/** The row of a source that could not be read: the reason, and null for everything else. */
export function failedGroup(source: string, kind: CohortGroup['kind'], error: string): CohortGroup {
  return {
    source,
    kind,
    link: null,
    ref: null,
    edition: null,
    editionSource: null,
    courseChecker: null,
    scraper: null,
    summary: null,
    answered: null,
    questionCount: null,
    questions: null,
    unchecked: null,
    error,
  };
}

/** A question cell as short text: `ok`, `-13w` (13 words short), `+30w`, `-1i` (an image short), `—`, `?`. */
export function cellText(question: GroupQuestion): string {
  switch (question.status) {
    case 'ok':
      return 'ok';
    case 'unanswered':
      return '—';
    case 'missing':
      return '?';
    case 'fail':
      return 'fail';
    default: {
      const parts: string[] = [];
      if (question.wordsBy !== 0) parts.push(`${question.wordsBy > 0 ? '+' : ''}${question.wordsBy}w`);
      if (question.imagesBy !== 0) parts.push(`${question.imagesBy > 0 ? '+' : ''}${question.imagesBy}i`);
      return parts.join(' ');
    }
  }
}

/** Whether a question counts as failing in the cohort's per-question totals. */
export function isFailing(question: GroupQuestion): boolean {
  return question.status === 'short' || question.status === 'long' || question.status === 'fail';
}
