import type { EditionReading } from '../parse/edition.js';
import { finding } from './finding.js';
import type { Finding, Rule } from './rule.js';

/** A heading that names a question, at any level: `#`…`######` then `Question N` (case as students write it). */
const QUESTION_HEADING = /^ {0,3}#{1,6}[ \t]*question[ \t]*\d/im;
/** The template's answer placeholder, `--- question N fill here ---`. */
const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/i;

/**
 * Whether the text is a report at all: it has a question heading, the course checker's `Answer:` marker, a
 * placeholder, or any line of an edition's template. Anything else (an empty file, `hello world`, another
 * project's README) is one finding, not one per question the template has.
 */
export function looksLikeReport(text: string, reading: EditionReading): boolean {
  return (
    reading.matches !== null ||
    text.includes('Answer:') ||
    QUESTION_HEADING.test(text) ||
    PLACEHOLDER.test(text)
  );
}

/**
 * The one finding for a file that is not an exam report. Its message names no path: each output puts the path
 * the user gave in front of it, and the engine sees the path from the repository's root (the CLI printed
 * `empty.md:1:1 error m/empty.md is not ...` for a file outside a git work tree).
 */
export function notAReportFinding(): Finding {
  return finding({
    ruleId: 'not-a-report',
    severity: 'error',
    message: `Not a DTU 02476 exam report: no \`### Question N\` headings and no template text; copy the course's report template (reports/README.md) and answer in it.`,
    line: 1,
    question: null,
  });
}

/** The file has nothing of the exam template: found by the engine before any other rule runs. */
export const notAReport: Rule = {
  id: 'not-a-report',
  severity: 'error',
  summary: 'the file has no question headings and no template text',
  description:
    "The file has no `### Question N` heading, no `Answer:` line, no `--- question N fill here ---` placeholder and no line of any edition's template, so it is not the course's exam report (an empty file, a placeholder `hello world`, another README). It gets this one finding instead of one per missing question, and its edition is `unknown`. The course checker crashes on it. Start from the course's report template and answer in it.",
  bad: 'hello world',
  good: '### Question 1\n\n> **Enter the group number you signed up on <learn.inside.dtu.dk>**\n>\n> Answer:\n\n42',
  fixable: false,
  check: null,
};
