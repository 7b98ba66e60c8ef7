import type { JsonReport } from '../output/json.js';
import type { GroupChange } from './compare.js';
import { isFailing, NEWEST_EDITION, type CohortGroup } from './group.js';

/** Per question: how many groups fail it, and how many have not answered it. */
export interface QuestionTotals {
  number: number;
  failing: number;
  unanswered: number;
}

/** The `cohort` object of the JSON document: totals over every group. */
export interface CohortSummary {
  groups: number;
  /** Groups whose report could not be read (their rows carry `error`). */
  unreadable: number;
  /** Groups read whose image checks could not run (their rows carry `unchecked`). */
  unchecked: number;
  /** The course checker of each report's own edition. */
  courseChecker: { pass: number; fail: number; crash: number };
  /** What the grading scraper would record. */
  scraper: { checkerEdition: string; crashRecordedAsZero: number; disagreeing: number };
  questions: QuestionTotals[];
  /** With `--compare`: how many groups are newly failing, fixed, newly crashing, ... */
  changes: Record<string, number> | null;
}

/** The whole `report-check cohort --format json` document: the check's document plus one row per group. */
export interface CohortDocument extends JsonReport {
  groups: (CohortGroup & { change?: GroupChange })[];
  /** With `--compare`, `gone`: the groups of the previous run missing from this one; with `--schema`, its file. */
  cohort: CohortSummary & { gone?: string[]; schema?: string };
}

/** Totals over the groups' rows. */
export function summarize(
  groups: readonly CohortGroup[],
  changes: readonly GroupChange[] | null,
): CohortSummary {
  const courseChecker = { pass: 0, fail: 0, crash: 0 };
  let crashRecordedAsZero = 0;
  let disagreeing = 0;
  const questions = new Map<number, QuestionTotals>();
  for (const group of groups) {
    if (group.courseChecker) courseChecker[group.courseChecker.outcome] += 1;
    if (group.scraper?.outcome === 'crash') crashRecordedAsZero += 1;
    if (group.scraper?.note) disagreeing += 1;
    for (const question of group.questions ?? []) {
      let totals = questions.get(question.number);
      if (!totals) {
        totals = { number: question.number, failing: 0, unanswered: 0 };
        questions.set(question.number, totals);
      }
      if (isFailing(question)) totals.failing += 1;
      if (question.status === 'unanswered') totals.unanswered += 1;
    }
  }
  let changeCounts: Record<string, number> | null = null;
  if (changes) {
    changeCounts = {};
    for (const change of changes) changeCounts[change.status] = (changeCounts[change.status] ?? 0) + 1;
  }
  return {
    groups: groups.length,
    unreadable: groups.filter((group) => group.error !== null).length,
    unchecked: groups.filter((group) => group.unchecked !== null).length,
    courseChecker,
    scraper: { checkerEdition: NEWEST_EDITION, crashRecordedAsZero, disagreeing },
    questions: [...questions.values()].sort((a, b) => a.number - b.number),
    changes: changeCounts,
  };
}
