import type { CheckerReading } from '../parse/course-checker.js';
import type { QuestionSection, ReportModel } from '../parse/report.js';
import { sectionContaining } from '../parse/sections.js';
import type { Edition } from '../result.js';
import { validateDocument, type Constraints } from './constraints.js';
import type { ErrorObject } from 'ajv';

/** One question's entry in the extracted-report document (see schema/report.schema.json). */
export interface DocumentQuestion {
  words: number;
  images: number;
  proseWords: number;
  answered: boolean;
  placeholder: boolean;
  line: number;
}

/** Where a question's answer lies, for placing findings: 1-based lines and columns. */
export interface AnswerPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The document the constraints are checked against, with each question's answer place beside its entry. */
export interface ReportDocument {
  edition: Edition;
  answerCount: number;
  questions: Map<number, { entry: DocumentQuestion; at: AnswerPlace }>;
  /** The first section under each question number (a repeated heading is left out). */
  sections: Map<number, QuestionSection>;
}

function placeOf(model: ReportModel, offsetStart: number, offsetEnd: number): AnswerPlace {
  const start = model.pointAt(offsetStart);
  const end = model.pointAt(Math.max(offsetStart, offsetEnd));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function leadingNewlines(text: string, offset: number): number {
  let count = 0;
  while (text[offset + count] === '\n') count++;
  return count;
}

/**
 * Answers as the course checker assigns them by position: what gets graded. A question whose graded text lies
 * elsewhere is answered when either that text or its own answer under its heading has words: a student who
 * answered Question 11 is not told it is unanswered because the checker grades another (empty) text as its.
 */
function checkerQuestions(
  model: ReportModel,
  reading: CheckerReading,
  sections: Map<number, QuestionSection>,
): ReportDocument['questions'] {
  const questions: ReportDocument['questions'] = new Map();
  reading.answers.forEach((answer, index) => {
    const number = index + 1;
    const section = sectionContaining(model, answer.start - 1);
    const at = placeOf(model, answer.start + leadingNewlines(model.text, answer.start), answer.end);
    const own = section && section.number === number ? section : undefined;
    const entry = {
      words: answer.words,
      images: answer.images,
      proseWords: own?.proseWords ?? answer.words,
      answered: own ? own.answered : answer.text.trim() !== '' || (sections.get(number)?.answered ?? false),
      placeholder: own ? own.placeholderLines.length > 0 : false,
      line: at.line,
    };
    questions.set(number, { entry, at });
  });
  return questions;
}

/** Each question's own answer under its heading, for when the checker's assignment cannot be trusted. */
function sectionQuestions(
  model: ReportModel,
  sections: Map<number, QuestionSection>,
): ReportDocument['questions'] {
  const questions: ReportDocument['questions'] = new Map();
  for (const [number, section] of sections) {
    const at = section.answer
      ? placeOf(model, section.answer.start, section.answer.end)
      : placeOf(model, section.start, section.start);
    const entry = {
      words: section.words,
      images: section.images,
      proseWords: section.proseWords,
      answered: section.answered,
      placeholder: section.placeholderLines.length > 0,
      line: at.line,
    };
    questions.set(number, { entry, at });
  }
  return questions;
}

/**
 * Builds the extracted-report document: answers as the course checker assigns them when it does not crash
 * (`positional`), else each question's own answer under its heading.
 */
export function buildDocument(
  model: ReportModel,
  reading: CheckerReading,
  edition: Edition,
  positional: boolean,
): ReportDocument {
  const sections = new Map<number, QuestionSection>();
  for (const section of model.questions)
    if (!sections.has(section.number)) sections.set(section.number, section);
  const questions = positional
    ? checkerQuestions(model, reading, sections)
    : sectionQuestions(model, sections);
  return { edition, answerCount: reading.answers.length, questions, sections };
}

/** The ajv errors of the document against the constraints, as schema/report.schema.json shapes it. */
export function validateReportDocument(constraints: Constraints, document: ReportDocument): ErrorObject[] {
  const questions: Record<string, DocumentQuestion> = {};
  // forEach: a for-of destructuring each pair made an entry, an iterator and its results per question, cold.
  document.questions.forEach(({ entry }, number) => {
    questions[String(number)] = entry;
  });
  return validateDocument(constraints, {
    edition: document.edition,
    answerCount: document.answerCount,
    questions,
  });
}
