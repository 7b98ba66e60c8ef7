import { finding } from './finding.js';
import type { Finding } from './rule.js';

/**
 * Findings of one rule about one question listed one by one; the rest are summed up in one finding. An answer of
 * nothing but `Answer:` gave 150,000 findings (154 MB of SARIF, a minute to print): a student reads the first
 * ones, fixes them all alike, and the summary says how many more there are, so none is lost without a word.
 */
export const MAX_PER_QUESTION = 50;
/** Findings of one rule listed in the whole report: 35,000 question headings could each have their own. */
export const MAX_PER_RULE = 500;

/** Summaries already made (by a rule that caps its own findings, sparing the rest), and how many each stands for. */
const summaryFindings = new WeakMap<Finding, number>();

/**
 * The finding that stands for `count` findings not listed, like `first` (the first of them) and in its place;
 * `rest` when they are the rule's findings past {@link MAX_PER_RULE}, in any question.
 */
export function moreFinding(first: Finding, count: number, rest = false): Finding {
  const where = rest
    ? 'in the report'
    : first.question === null
      ? 'outside the questions'
      : `in Question ${first.question}`;
  const listed = rest ? MAX_PER_RULE : MAX_PER_QUESTION;
  const summary = finding({
    ruleId: first.ruleId,
    severity: first.severity,
    message: `${count} more "${first.ruleId}" findings ${where}, from line ${first.line} on, are not listed one by one; fix the ${listed} above and check again.`,
    line: first.line,
    question: rest ? null : first.question,
    identity: { key: rest ? 'more-in-report' : 'more' },
  });
  summaryFindings.set(summary, count);
  return summary;
}

/** Whether `found` is a summary of findings not listed (it has no single edit: it is no one line's fix). */
export function isSummary(found: Finding): boolean {
  return summaryFindings.has(found);
}

/**
 * The findings of `items`, made only for the listed ones and a summary for the rest of each question: making and
 * fingerprinting 100,000 findings only to drop them took seconds. `questionOf` says which question an item's finding
 * is about; left out, they are all about one. Its summaries count towards the rule's {@link MAX_PER_RULE} as listed
 * findings do, and past it fold into the report's summary: 32,000 answers, each with its own summary, would
 * otherwise list 32,000.
 */
export function capped<T>(
  items: readonly T[],
  make: (item: T) => Finding,
  questionOf: (item: T) => number | null = () => null,
): Finding[] {
  // No question can be over the cap when all of them together are not (the case of nearly every call).
  if (items.length <= MAX_PER_QUESTION) return items.map(make);
  const listed: Finding[] = [];
  const over = new Map<number | null, { first: Finding; count: number }>();
  const kept = new Map<number | null, number>();
  for (const item of items) {
    const question = questionOf(item);
    const n = kept.get(question) ?? 0;
    if (n < MAX_PER_QUESTION) {
      kept.set(question, n + 1);
      listed.push(make(item));
      continue;
    }
    const more = over.get(question);
    if (more) more.count++;
    else over.set(question, { first: make(item), count: 1 });
  }
  for (const { first, count } of over.values()) listed.push(moreFinding(first, count));
  return listed;
}

/**
 * Keeps the first {@link MAX_PER_QUESTION} findings of each question and one {@link moreFinding} for the rest, and
 * at most {@link MAX_PER_RULE} findings in all, with one summary for those past it.
 */
export class FindingCap {
  private readonly kept = new Map<number | null, number>();
  private total = 0;
  private readonly over = new Map<number | null | 'rest', { first: Finding; count: number }>();

  /** Whether `found` is listed; when not, it is counted into its question's summary (or the report's). */
  admit(found: Finding): boolean {
    const stands = summaryFindings.get(found);
    if (stands !== undefined) return this.total++ < MAX_PER_RULE || this.count('rest', found, stands);
    const kept = this.kept.get(found.question) ?? 0;
    if (kept >= MAX_PER_QUESTION) return this.count(found.question, found);
    if (this.total >= MAX_PER_RULE) return this.count('rest', found);
    this.kept.set(found.question, kept + 1);
    this.total++;
    return true;
  }

  private count(key: number | null | 'rest', found: Finding, many = 1): false {
    const over = this.over.get(key);
    if (over) over.count += many;
    else this.over.set(key, { first: found, count: many });
    return false;
  }

  /** One summary finding per question that had more than the cap, and one for the report past its cap. */
  summaries(): Finding[] {
    return [...this.over].map(([key, { first, count }]) => moreFinding(first, count, key === 'rest'));
  }
}
