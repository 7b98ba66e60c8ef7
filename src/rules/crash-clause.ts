import { plural } from '../plural.js';
import type { RuleContext } from './rule.js';

/**
 * Rules whose error message states the crash they cause (see {@link crashClause}): when one of them is the
 * crash's culprit, course-checker-crash leaves the crash out rather than report the one cause twice.
 */
export const STATES_CRASH: ReadonlySet<string> = new Set([
  'edition-mismatch',
  'question-heading',
  'question-duplicate',
  'answer-missing',
  'answer-repeated',
  'question-missing',
  'answer-outside-question',
  'section-after-last-answer',
]);

/**
 * "the course checker crashes (it finds 26 answers, not 27)": the consequence a skeleton error states, so that
 * the crash is reported once, at its cause. Empty when the checker does not crash.
 */
export function crashClause({ reading, expected }: Pick<RuleContext, 'reading' | 'expected'>): string {
  if (!reading.crash) return '';
  if (!reading.crash.startsWith('ValueError')) return `the course checker crashes (${reading.crash})`;
  return `the course checker crashes (it finds ${plural(reading.answers.length, 'answer')}, not ${expected})`;
}
