import type { ErrorObject } from 'ajv';
import { questionOfPath, toRangeViolation, type RangeViolation } from '../validate/ranges.js';
import type { AnswerPlace } from '../validate/document.js';
import type { RuleContext } from './rule.js';

/** One ajv error about an answered question (or the whole document), with where to place its finding. */
export interface ConstraintError {
  error: ErrorObject;
  /** Set when the error is a `minimum`/`maximum` on a question's words or images. */
  violation: RangeViolation | null;
  question: number | null;
  at: AnswerPlace;
}

const FILE_START: AnswerPlace = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/**
 * The constraints schema's errors, leaving out unanswered questions (the `unanswered` rule speaks for those);
 * collected once per report: word-count, image-count and schema all read them.
 */
export function constraintErrors(context: RuleContext): readonly ConstraintError[] {
  return context.once('constraint-errors', () => collect(context));
}

function collect(context: RuleContext): ConstraintError[] {
  const { document } = context;
  const result: ConstraintError[] = [];
  for (const error of context.schemaErrors) {
    const violation = toRangeViolation(error);
    const question = violation?.question ?? questionOfPath(error.instancePath);
    const entry = question === null ? undefined : document.questions.get(question);
    if (entry && !entry.entry.answered) continue;
    // A question without its `Answer:` line has no answer to count: answer-missing speaks for it.
    if (!context.positional && question !== null && document.sections.get(question)?.markers.length === 0)
      continue;
    result.push({ error, violation, question, at: entry?.at ?? FILE_START });
  }
  return result;
}
