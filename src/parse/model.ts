/** A place in the report: 1-based line and column. */
export interface Point {
  line: number;
  column: number;
}

/** An image in an answer, as markdown renders it. */
export interface ImageRef {
  src: string;
  alt: string;
  /** `markdown` = `![alt](src)`; `html` = an `<img>` tag; `reference` = `![alt][ref]` (both not counted by the course checker). */
  kind: 'markdown' | 'html' | 'reference';
  start: Point;
  end: Point;
}

/** One `### Question N` section of the report and what its answer contains. */
export interface QuestionSection {
  number: number;
  heading: { start: Point; end: Point; text: string };
  /** Offsets of the section in the text: from the heading to the next heading of level 1-3. */
  start: number;
  end: number;
  /** Offsets just after each `Answer:` in the section (normally exactly one). */
  markers: number[];
  /** The answer's text as the course checker would cut it from this section's first `Answer:`, or null. */
  answer: { start: number; end: number; text: string } | null;
  words: number;
  images: number;
  /** Words of rendered prose only: no markers, placeholders, image syntax, code or HTML. */
  proseWords: number;
  imageRefs: ImageRef[];
  /** Lines where the template's `--- question N fill here ---` placeholder is still there. */
  placeholderLines: number[];
  /** Lines that still start or end with the template's `---` marker around the answer's text. */
  markerLines: number[];
  /** Text that a `---` (or `===`) line right under it turns into a heading: its first line and the underline's. */
  setextHeadings: { line: number; underline: number }[];
  /**
   * Where a heading (`## Our setup`) ends the section although the student's text goes on under it before the
   * next question: the course checker stops counting the answer there. Null when none does.
   */
  cutByHeading: number | null;
  /** Whether the student wrote anything for the question: in its answer, or under a heading that cuts it. */
  answered: boolean;
}

/** A report as report-check sees it: the text, its line index and its question sections in document order. */
export interface ReportModel {
  text: string;
  questions: QuestionSection[];
  /**
   * `Question N` headings that stand inside an answer (see questionStarts in skeleton.ts): the page shows them as headings, the
   * course checker reads them as words of that answer, or cuts the answer there when they have `##`.
   */
  headingsInAnswers: { line: number; depth: number; number: number; text: string }[];
  /**
   * `## / ### Question N` headings the page does not show as the report's own (quoted, or inside an HTML block,
   * such as the line under a `<br>`), by offset in report order: the course checker still cuts answers there.
   */
  hiddenQuestionHeadings: { start: number; number: number; swallowed: boolean }[];
  /** Set when the markdown could not be parsed (e.g. pathological nesting) and only the text was read. */
  parseFailure: string | null;
  /** Converts an offset in `text` into a line and column. */
  pointAt(offset: number): Point;
  /** Number of lines in the report (at least 1, even for an empty file). */
  lineCount: number;
  /** Offsets where each line starts, for whoever indexes the report's lines again (one scan per report). */
  lineStarts: number[];
}
