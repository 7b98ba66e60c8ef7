import type { ReportModel } from '../parse/model.js';
import { firstNotBefore, sectionContaining } from '../parse/sections.js';
import { renamedOf } from './question-renamed.js';
import type { Finding, RuleContext } from './rule.js';

/** What each skeleton finding that shifts the answers did, as the reason a later answer is graded elsewhere. */
const CAUSES: Record<string, (f: Finding) => string> = {
  'answer-missing': (f) => `Question ${f.question} has no \`Answer:\` line`,
  'answer-repeated': (f) => `line ${f.line} repeats \`Answer:\` inside Question ${f.question}`,
  'answer-outside-question': (f) => `line ${f.line} has an \`Answer:\` outside any question`,
  'question-missing': (f) => `Question ${f.question} is missing`,
  'question-duplicate': (f) => `Question ${f.question} appears twice (line ${f.line})`,
  'question-order': (f) => `Question ${f.question} is out of order (line ${f.line})`,
};

/** Where the answer the checker grades as `question` stands: its line and the heading it is under. */
export interface GradedElsewhere {
  line: number;
  /** The `### Question N` it is under, or null when it is under no question heading. */
  under: number | null;
}

/**
 * The answer the course checker grades as `question`, when it is not under that question's heading (it reads
 * answers by position); null when it is, or when the checker crashes and grades nothing.
 */
export function gradedElsewhere(context: RuleContext, question: number): GradedElsewhere | null {
  if (context.reading.crash) return null;
  // Under a renamed heading the answer is the question's own, by position: question-heading says so.
  if (renamedOf(context).some((q) => q.number === question)) return null;
  const answer = context.reading.answers[question - 1];
  if (!answer) return null;
  const section = sectionContaining(context.model, answer.start - 1);
  const under =
    hiddenHeadingOver(context.model, answer.start, section?.start ?? -1) ??
    checkerHeadingOver(context, question) ??
    section?.number ??
    null;
  if (under === question) return null;
  // Under no heading the page shows, for a question the page does not have (its heading unrecognised, e.g.
  // `###Question 1` or `Question 1` underlined): graded where it stands; question-missing says the rest.
  if (under === null && !context.model.questions.some((q) => q.number === question)) return null;
  return { line: context.model.pointAt(answer.start).line, under };
}

/**
 * Whether the `Answer:` ending at `marker` is, to the checker, the own answer of a question the page does not show
 * (its `### Question N` glued to text, `x### Question 5`, or written `###Question 5`): rewording it, as
 * answer-repeated and answer-outside-question would advise, would shift every later answer.
 */
export function ownAnswerOfUnshownQuestion(context: RuleContext, marker: number): boolean {
  const byStart = context.once('answer-index-by-start', () => {
    const map = new Map<number, number>();
    context.reading.answers.forEach((answer, index) => {
      if (!map.has(answer.start)) map.set(answer.start, index + 1);
    });
    return map;
  });
  const question = byStart.get(marker);
  if (question === undefined || context.model.questions.some((q) => q.number === question)) return false;
  return checkerHeadingOver(context, question) === question;
}

/**
 * The `N` of a `### Question N` the checker cut at just before the answer it grades as `question`, when the text
 * there has one the page does not show as a heading (`x### Question 5`, `###Question 5`): that answer is
 * Question N's to the checker, whatever the page shows. Null when the last `###` there is no such text. Reads
 * only the text since the previous answer was cut.
 */
function checkerHeadingOver(context: RuleContext, question: number): number | null {
  const { answers } = context.reading;
  const answer = answers[question - 1];
  if (!answer) return null;
  const from = question > 1 ? (answers[question - 2]?.end ?? 0) : 0;
  if (from >= answer.start) return null;
  const between = context.model.text.slice(from, answer.start);
  const cut = between.lastIndexOf('###');
  if (cut === -1) return null;
  const number = /^#*[ \t]*Question[ \t]*(\d+)/.exec(between.slice(cut, cut + 40))?.[1];
  return number === undefined ? null : Number(number);
}

/**
 * The number of the last `Question N` heading the page hides (quoted, or swallowed by an HTML block) between
 * `after` and `offset`, or null: the checker cuts the answers there whatever the page shows, so the answer that
 * follows is that question's to it (the page's question-missing warning says the rest).
 */
function hiddenHeadingOver(model: ReportModel, offset: number, after: number): number | null {
  const hidden = model.hiddenQuestionHeadings;
  const last = hidden[firstNotBefore(hidden, (h) => h.start < offset) - 1];
  return last && last.start > after ? last.number : null;
}

/**
 * The first question the checker grades by an answer under another heading, with where that answer is (found
 * once per report: question-order and answers-misaligned both ask).
 */
export function firstMisaligned(context: RuleContext): { question: number; place: GradedElsewhere } | null {
  return context.once('first-misaligned', () => findMisaligned(context));
}

function findMisaligned(context: RuleContext): { question: number; place: GradedElsewhere } | null {
  if (context.reading.crash || context.model.questions.length === 0) return null;
  for (let question = 1; question <= context.reading.answers.length; question++) {
    const place = gradedElsewhere(context, question);
    if (place) return { question, place };
  }
  return null;
}

/**
 * Why the answers shifted before `line`: the nearest skeleton finding at or above it that moves them
 * ("Question 9 has no `Answer:` line"), or '' when none does (a heading renamed, questions moved).
 */
export function shiftCause(earlier: readonly Finding[], line: number): string {
  let cause: Finding | undefined;
  for (const f of earlier) {
    // An `Answer:` outside any question at the answer's own line is this answer: its heading says where it is.
    const self = f.ruleId === 'answer-outside-question' && f.line === line;
    if (CAUSES[f.ruleId] && !self && f.line <= line && (!cause || f.line >= cause.line)) cause = f;
  }
  return cause ? (CAUSES[cause.ruleId]?.(cause) ?? '') : '';
}

/** "the answer under `### Question 15`" (never the student's heading text: it could be markup). */
export function underHeading(place: GradedElsewhere): string {
  return place.under === null ? 'under no `### Question N` heading' : `under \`### Question ${place.under}\``;
}

/**
 * The sentence a word or image count of `question` ends with when the checker counts another heading's answer
 * for it: " The course checker counts the answer under `### Question 15` as Question 14's, because
 * Question 9 has no `Answer:` line.", or ''.
 */
export function misattributionSentence(
  context: RuleContext,
  earlier: readonly Finding[],
  question: number,
): string {
  const place = gradedElsewhere(context, question);
  if (!place) return '';
  const cause = shiftCause(earlier, place.line);
  return ` The course checker counts the answer ${underHeading(place)} as Question ${question}'s, because ${cause || 'it matches answers by position, not by heading'}.`;
}
