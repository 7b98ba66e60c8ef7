import { finding } from './finding.js';
import type { Finding } from './rule.js';

/**
 * Findings of one rule about one question listed one by one; the rest are summed up in one finding. An answer of
 * nothing but `Answer:` gave 150,000 findings (154 MB of SARIF, a minute to print): a student reads the first
 * ones, fixes them all alike, and the summary says how many more there are, so none is lost without a word.
 */
export const MAX_PER_QUESTION = 50;

/** Summaries already made by a rule that caps its own findings (it then spares making the rest at all). */
const summaryFindings = new WeakSet<Finding>();

/** The finding that stands for `count` findings not listed, like `first` (the first of them) and in its place. */
export function moreFinding(first: Finding, count: number): Finding {
  const where = first.question === null ? 'in the report' : `in Question ${first.question}`;
  const summary = finding({
    ruleId: first.ruleId,
    severity: first.severity,
    message: `${count} more "${first.ruleId}" findings ${where}, from line ${first.line} on, are not listed one by one; fix the ${MAX_PER_QUESTION} above and check again.`,
    line: first.line,
    question: first.question,
    identity: { key: 'more' },
  });
  summaryFindings.add(summary);
  return summary;
}

/**
 * The findings of one question's `items`, made only for the listed ones and a summary for the rest: making and
 * fingerprinting 100,000 findings only to drop them took seconds.
 */
export function capped<T>(items: readonly T[], make: (item: T) => Finding): Finding[] {
  const listed = items.slice(0, MAX_PER_QUESTION).map(make);
  const firstOver = items[MAX_PER_QUESTION];
  if (firstOver === undefined) return listed;
  return [...listed, moreFinding(make(firstOver), items.length - MAX_PER_QUESTION)];
}

/** Keeps the first {@link MAX_PER_QUESTION} findings of each question and one {@link moreFinding} for the rest. */
export class FindingCap {
  private readonly kept = new Map<number | null, number>();
  private readonly over = new Map<number | null, { first: Finding; count: number }>();

  /** Whether `found` is listed; when not, it is counted into its question's summary. */
  admit(found: Finding): boolean {
    if (summaryFindings.has(found)) return true;
    const kept = this.kept.get(found.question) ?? 0;
    if (kept < MAX_PER_QUESTION) {
      this.kept.set(found.question, kept + 1);
      return true;
    }
    const over = this.over.get(found.question);
    if (over) over.count++;
    else this.over.set(found.question, { first: found, count: 1 });
    return false;
  }

  /** One summary finding per question that had more than the cap. */
  summaries(): Finding[] {
    return [...this.over.values()].map(({ first, count }) => moreFinding(first, count));
  }
}
