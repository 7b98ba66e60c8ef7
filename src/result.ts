import type { Diagnostic } from './diagnostic.js';
import type { Edition, EditionLabel } from './editions.js';

export type { Edition, EditionLabel };

/** An inclusive range, as the course checker enforces it. */
export interface Range {
  min: number;
  max: number;
}

/** What one question looks like in the result: the counts the course checker makes, and the ranges it applies. */
export interface QuestionSummary {
  number: number;
  /** Whitespace-separated tokens, counted as the course checker counts them. */
  words: number;
  /** `![..](..)` matches, counted as the course checker counts them. */
  images: number;
  /** Words of rendered prose only: no template markers, image syntax, code or HTML. */
  proseWords?: number;
  /** False while the answer is empty or still the template placeholder. */
  answered: boolean;
  wordRange: Range | null;
  imageRange: Range | null;
  /** `ok`, `fail` (a range is broken), `unanswered`, or `missing` (no such question in the report). */
  status: 'ok' | 'fail' | 'unanswered' | 'missing';
  /** Line of the question's heading (1-based), or null when the question is missing. */
  line: number | null;
  /** Line of the question's `Answer:` marker, or null when there is none. */
  answerLine: number | null;
}

/** One warning the course checker prints. */
export interface CourseCheckerFailure {
  question: number;
  kind: 'words' | 'images';
  min: number;
  max: number;
  got: number;
}

/** Predicted outcome of the course's own `report.py check` on this report. */
export interface CourseCheckerVerdict {
  outcome: 'pass' | 'fail' | 'crash';
  failures: CourseCheckerFailure[];
  /** Why it crashes (the error it would raise), else null. */
  reason: string | null;
}

/** Everything report-check found out about one report. The JSON output is an array of these. */
export interface CheckResult {
  path: string;
  /**
   * The edition checked against: one edition, `2023/2024` when the text cannot tell those two apart (they check
   * the same), `custom` for a custom schema, `unknown` for a file that is not a report, null for a report that
   * could not be read (deleted, missing, binary, …).
   */
  edition: EditionLabel | 'custom' | 'unknown' | null;
  /** How the edition was chosen: detected from the prompts, or given by a flag / input. */
  editionSource: 'detected' | 'given';
  diagnostics: Diagnostic[];
  questions: QuestionSummary[];
  /**
   * Questions the edition and the schema do not have that the report does, past the first 50 listed in
   * `questions`; absent when none was left out.
   */
  questionsOmitted?: number;
  courseChecker: CourseCheckerVerdict;
}
