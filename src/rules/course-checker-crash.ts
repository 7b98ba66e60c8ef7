import { sectionAtLine } from '../parse/sections.js';
import { STATES_CRASH } from './crash-clause.js';
import { finding } from './finding.js';
import type { Finding, Rule, RuleContext } from './rule.js';

/** Skeleton rules checked heading by heading, in the order they are reported for one heading. */
const PER_HEADING = [
  'question-unknown',
  'question-heading',
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

function readingCrash(crash: string, earlier: readonly Finding[]): Finding[] {
  // A skeleton error that changes the number of answers already says that the checker crashes, at its line:
  // one cause, one finding.
  if (earlier.some((f) => f.severity === 'error' && STATES_CRASH.has(f.ruleId))) return [];
  const blamed = culprit(earlier);
  const found = finding({
    ruleId: 'course-checker-crash',
    severity: 'error',
    message: blamed
      ? `The course checker would crash (${crash}) because of line ${blamed.line}${blamed.question ? ` in Question ${blamed.question}` : ''}: fix the problem reported there.`
      : `The course checker would crash: ${crash}; compare the report's headings and "Answer:" lines with the template.`,
    line: blamed?.line ?? 1,
    question: blamed?.question ?? null,
    identity: { question: null },
  });
  return [found];
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
  summary: 'the course checker would crash, for a reason no other finding names',
  description:
    "The course's `report.py check` crashes when the number of `Answer:` lines is not the edition's number of questions, or when the file is not UTF-8. A crash fails the hand-in check outright. When a finding of its own explains it (a missing or duplicated question, a missing or extra `Answer:` line, a trailing section), that finding says the checker crashes and this one is left out; this one names the bytes that are not UTF-8, or the line to compare with the template when nothing else explains the crash.",
  bad: 'We trained on data from Caf\\xe9 Reviews.   (the byte 0xE9 alone, as Latin-1 writes "é")',
  good: 'We trained on data from Café Reviews.   (saved as UTF-8)',
  fixable: false,
  check: (context, earlier) => [
    ...(context.reading.crash ? readingCrash(context.reading.crash, earlier) : []),
    ...decodeCrash(context),
  ],
};
