import { isFailing, type CohortGroup } from './group.js';

type Outcome = 'pass' | 'fail' | 'crash' | 'unreadable';

/** What changed for one group since the previous run (`--compare previous.json`). */
export interface GroupChange {
  /**
   * `newly failing` (passed, or crashed, before), `fixed` (passes now, failed or crashed before), `newly crashing`,
   * `newly unreadable`, `readable again`, `new` (not in the previous run), `unchanged` (same outcome).
   */
  status:
    | 'newly failing'
    | 'fixed'
    | 'newly crashing'
    | 'newly unreadable'
    | 'readable again'
    | 'new'
    | 'unchanged';
  /** The outcome in the previous run, or null for a new group. */
  before: Outcome | null;
  after: Outcome;
  /** Questions that fail now and did not before. */
  questionsNewlyFailing: number[];
  /** Questions that failed before and do not now. */
  questionsFixed: number[];
}

/** One group as remembered from the previous run's JSON document. */
interface PreviousGroup {
  outcome: Outcome;
  failing: Set<number>;
}

/** The previous run, read from its JSON document. */
export interface PreviousRun {
  groups: Map<string, PreviousGroup>;
}

/** A `--compare` document that is not a cohort JSON document; the message says what is wrong. */
export class CompareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareError';
  }
}

function outcomeOf(group: Pick<CohortGroup, 'error' | 'courseChecker'>): Outcome {
  if (group.error !== null || !group.courseChecker) return 'unreadable';
  return group.courseChecker.outcome;
}

/** Reads the JSON text of an earlier `report-check cohort --format json`; throws {@link CompareError}. */
export function readPreviousRun(text: string): PreviousRun {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CompareError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const groups = (data as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) {
    throw new CompareError(
      'no "groups" list: compare with the output of `report-check cohort --format json`',
    );
  }
  const previous = new Map<string, PreviousGroup>();
  for (const [index, entry] of groups.entries()) {
    const group = entry as Partial<CohortGroup> | null;
    if (typeof group?.source !== 'string') throw new CompareError(`groups[${index}] has no "source"`);
    const outcome = outcomeOf({ error: group.error ?? null, courseChecker: group.courseChecker ?? null });
    const failing = new Set(
      (Array.isArray(group.questions) ? group.questions : []).filter(isFailing).map((q) => q.number),
    );
    previous.set(group.source, { outcome, failing });
  }
  return { groups: previous };
}

function changeStatus(before: Outcome | null, after: Outcome): GroupChange['status'] {
  if (before === null) return 'new';
  if (before === after) return 'unchanged';
  if (after === 'unreadable') return 'newly unreadable';
  if (after === 'crash') return 'newly crashing';
  if (after === 'fail') return 'newly failing';
  if (after === 'pass' && before !== 'unreadable') return 'fixed';
  return 'readable again';
}

/** Each group's change since `previous`, in the groups' order; plus the sources the previous run had and this one lacks. */
export function compareRuns(
  groups: readonly CohortGroup[],
  previous: PreviousRun,
): { changes: GroupChange[]; gone: string[] } {
  const changes = groups.map((group): GroupChange => {
    const was = previous.groups.get(group.source) ?? null;
    const after = outcomeOf(group);
    const failing = new Set((group.questions ?? []).filter(isFailing).map((q) => q.number));
    const before = was?.outcome ?? null;
    // Questions are compared only when both runs read the report; a new or unreadable one has no question history.
    const comparable = was !== null && before !== 'unreadable' && after !== 'unreadable';
    return {
      status: changeStatus(before, after),
      before,
      after,
      questionsNewlyFailing: comparable ? [...failing].filter((n) => !was.failing.has(n)) : [],
      questionsFixed: comparable ? [...was.failing].filter((n) => !failing.has(n)).sort((a, b) => a - b) : [],
    };
  });
  const now = new Set(groups.map((group) => group.source));
  const gone = [...previous.groups.keys()].filter((source) => !now.has(source));
  return { changes, gone };
}

/** A change as a short phrase for a table cell: `newly failing (+4 +11)`, `fixed`, `—` when nothing changed. */
export function changeText(change: GroupChange): string {
  const questions = [
    ...change.questionsNewlyFailing.map((n) => `+Q${n}`),
    ...change.questionsFixed.map((n) => `-Q${n}`),
  ].join(' ');
  const label = change.status === 'unchanged' ? (questions ? 'changed' : '—') : change.status;
  return questions ? `${label} (${questions})` : label;
}
