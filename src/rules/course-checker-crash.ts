import { sectionAtLine } from '../parse/sections.js';
import { finding } from './finding.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/** Skeleton rules checked heading by heading, in the order they are reported for one heading. */
const PER_HEADING = [
  'question-unknown',
  'question-duplicate',
  'question-order',
  'answer-missing',
  'answer-repeated',
];
/** Skeleton rules checked over the whole file, after the headings. */
const WHOLE_FILE = ['question-missing', 'answer-outside-question', 'section-after-last-answer'];

/**
 * The skeleton finding to blame for a crash: the first error, reading heading by heading through the file, then
 * the whole-file rules. (`earlier` holds each rule's findings in registry order; a stable sort by line
 * interleaves the per-heading ones back into reading order.)
 */
function culprit(earlier: readonly Finding[]): Finding | undefined {
  const perHeading = earlier.filter((f) => PER_HEADING.includes(f.ruleId)).sort((a, b) => a.line - b.line);
  const wholeFile = WHOLE_FILE.flatMap((id) => earlier.filter((f) => f.ruleId === id));
  return [...perHeading, ...wholeFile].find((f) => f.severity === 'error');
}

function readingCrash(crash: string, earlier: readonly Finding[]): Finding {
  const blamed = culprit(earlier);
  return finding({
    ruleId: 'course-checker-crash',
    severity: 'error',
    message: blamed
      ? `The course checker would crash (${crash}) because of line ${blamed.line}${blamed.question ? ` in Question ${blamed.question}` : ''}: fix the problem reported there.`
      : `The course checker would crash: ${crash}; compare the report's headings and "Answer:" lines with the template.`,
    line: blamed?.line ?? 1,
    question: blamed?.question ?? null,
    identity: { question: null },
  });
}

function decodeCrash({ model, invalidUtf8Lines }: RuleContext): Finding[] {
  const line = invalidUtf8Lines[0];
  if (line === undefined) return [];
  // The checker dies decoding the file before it counts anything, so this is the crash to report.
  return [
    finding({
      ruleId: 'course-checker-crash',
      severity: 'error',
      message: `The course checker would crash (UnicodeDecodeError) on the bytes at line ${line}; save the file as UTF-8.`,
      line,
      question: sectionAtLine(model, line),
      identity: { question: null, key: 'utf-8' },
    }),
  ];
}

/** The course checker would crash on the report; points at the line that causes it. */
export const courseCheckerCrash: Rule = {
  id: 'course-checker-crash',
  severity: 'error',
  summary: 'the course checker would crash; points at the line that causes it',
  description:
    "The course's `report.py check` crashes when the number of `Answer:` lines is not the edition's number of questions, or when the file is not UTF-8. A crash fails the hand-in check outright. The finding names the line that causes it; fix the problem reported there (a missing or extra question, `Answer:` line or trailing section, or bytes that are not UTF-8).",
  bad: '### Question 2\n\nThe `> Answer:` line under this question was deleted.',
  good: '### Question 2\n\n> Answer:\n\nThe answer.',
  fixable: false,
  check: (context, earlier) => [
    ...(context.reading.crash ? [readingCrash(context.reading.crash, earlier)] : []),
    ...decodeCrash(context),
  ],
};
