import { answerCut } from './answer-cut.js';
import { answerMissing } from './answer-missing.js';
import { answerOutsideQuestion } from './answer-outside-question.js';
import { answerRepeated } from './answer-repeated.js';
import { answersMisaligned } from './answers-misaligned.js';
import { courseCheckerCrash } from './course-checker-crash.js';
import { editionMismatch } from './edition-mismatch.js';
import { IMAGE_RULES } from './image-rules.js';
import { imageCount } from './image-count.js';
import { invalidUtf8 } from './invalid-utf8.js';
import { markdownUnparsed } from './markdown-unparsed.js';
import { notAReport } from './not-a-report.js';
import { placeholderLeft } from './placeholder-left.js';
import { questionHeading } from './question-heading.js';
import { questionDuplicate } from './question-duplicate.js';
import { questionMissing } from './question-missing.js';
import { questionOrder } from './question-order.js';
import { questionUnknown } from './question-unknown.js';
import { reportBinary } from './report-binary.js';
import { reportDeleted } from './report-deleted.js';
import { reportMissing } from './report-missing.js';
import { reportRenamed } from './report-renamed.js';
import { reportTooLarge } from './report-too-large.js';
import type { Rule } from './rule.js';
import { schema } from './schema.js';
import { sectionAfterLastAnswer } from './section-after-last-answer.js';
import { setextHeading } from './setext-heading.js';
import { templateMarker } from './template-marker.js';
import { unanswered } from './unanswered.js';
import { wordCount } from './word-count.js';

export type { Finding, Rule, RuleContext } from './rule.js';

/**
 * Every rule report-check has: the one list that the engine runs (in this order; a rule sees the findings of
 * those before it), SARIF's rule metadata, the docs pages, the README's table and `--list-rules` come from.
 */
export const RULES: readonly Rule[] = [
  // The given edition against the text: it explains the skeleton findings a wrong edition would make.
  editionMismatch,
  // The report's skeleton; course-checker-crash blames the first of these that is an error, so they come first.
  questionUnknown,
  questionHeading,
  questionDuplicate,
  questionOrder,
  answerMissing,
  answerRepeated,
  questionMissing,
  answerOutsideQuestion,
  sectionAfterLastAnswer,
  courseCheckerCrash,
  answersMisaligned,
  // The constraints.
  unanswered,
  wordCount,
  imageCount,
  schema,
  // Inside the answers.
  ...IMAGE_RULES,
  placeholderLeft,
  templateMarker,
  setextHeading,
  answerCut,
  // The bytes.
  invalidUtf8,
  markdownUnparsed,
  // The report file itself: found by the source loader (or, for not-a-report, the engine) before the rules run.
  notAReport,
  reportMissing,
  reportDeleted,
  reportRenamed,
  reportTooLarge,
  reportBinary,
];

const byId = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, if report-check has one. */
export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}
