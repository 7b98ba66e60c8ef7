import { compareDiagnostics, fingerprint, type Diagnostic, type Severity } from './diagnostic.js';
import { EXPECTED_ANSWERS, readAsCourseChecker, type CheckerReading } from './parse/course-checker.js';
import { decodeReport } from './parse/decode.js';
import { detectEdition } from './parse/edition.js';
import { parseReport, type QuestionSection, type ReportModel } from './parse/report.js';
import type {
  CheckResult,
  CourseCheckerFailure,
  CourseCheckerVerdict,
  Edition,
  QuestionSummary,
} from './result.js';
import { builtinConstraints, validateDocument, type Constraints } from './validate/constraints.js';
import { checkImages, indexFiles, type FileLookup } from './validate/images.js';
import { describeRange, rangeMessage, toRangeViolation } from './validate/ranges.js';

/** What {@link checkReport} needs: the report's bytes and where it lives, nothing read from disk or network. */
export interface CheckInput {
  /** The report's path relative to the repository root, e.g. `reports/README.md`. */
  path: string;
  /** The report's raw bytes (or text already decoded). */
  content: Uint8Array | string;
  /**
   * The repository's files, for the image checks: every path (relative to the root), or a lookup that asks the
   * file system only about the images' paths (the CLI's); null skips the checks.
   */
  files?: readonly string[] | FileLookup | null;
  /** Force an edition instead of detecting it from the prompts. */
  edition?: Edition | 'auto';
  /** A custom constraints schema, from `loadConstraints`; replaces the edition's built-in one. */
  constraints?: Constraints | null;
  /** Make unanswered questions errors (for the final hand-in). */
  strict?: boolean;
}

export type { CheckResult };

/** One question's entry in the extracted-report document (see schema/report.schema.json). */
interface DocumentQuestion {
  words: number;
  images: number;
  proseWords: number;
  answered: boolean;
  placeholder: boolean;
  line: number;
}

/** Where each question's answer lies, for placing findings: 1-based lines and columns. */
interface AnswerPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type Finding = Omit<Diagnostic, 'path'>;

/**
 * Checks one report: reads it as the course checker of its edition would, builds the report model, validates the
 * extracted document against the constraints schema and collects every finding. Pure: no I/O, no clock.
 * Throws a `RunError` only for content that is not a report at all (binary, over 1 MiB).
 */
export function checkReport(input: CheckInput): CheckResult {
  const { text, invalidUtf8Lines } = decodeReport(input.content, input.path);
  const given = input.edition && input.edition !== 'auto' ? input.edition : null;
  const edition = given ?? detectEdition(text);
  const model = parseReport(text);
  const reading = readAsCourseChecker(text, edition);
  const builtin = builtinConstraints(edition);
  const constraints = input.constraints ?? builtin;
  const expected = EXPECTED_ANSWERS[edition];
  const findings: Finding[] = [];
  const place = (offsetStart: number, offsetEnd: number): AnswerPlace => {
    const start = model.pointAt(offsetStart);
    const end = model.pointAt(Math.max(offsetStart, offsetEnd));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };

  const verdict = predictVerdict(reading, builtin, invalidUtf8Lines);
  const positional = reading.crash === null;
  const structureSeverity: Severity = verdict.outcome === 'crash' ? 'error' : 'warning';

  // The document the constraints are checked against: answers as the course checker assigns them when it can
  // (that is what gets graded), else each question's own answer under its heading.
  const documentQuestions = new Map<number, { entry: DocumentQuestion; at: AnswerPlace }>();
  const firstSection = new Map<number, QuestionSection>();
  for (const section of model.questions)
    if (!firstSection.has(section.number)) firstSection.set(section.number, section);
  if (positional) {
    reading.answers.forEach((answer, index) => {
      const number = index + 1;
      const section = sectionContaining(model, answer.start - 1);
      const text = answer.text;
      const at = place(answer.start + leadingNewlines(model.text, answer.start), answer.end);
      const own = section && section.number === number ? section : undefined;
      documentQuestions.set(number, {
        entry: {
          words: answer.words,
          images: answer.images,
          proseWords: own?.proseWords ?? answer.words,
          answered: own ? own.answered : text.trim() !== '',
          placeholder: own ? own.placeholderLines.length > 0 : false,
          line: at.line,
        },
        at,
      });
    });
  } else {
    for (const [number, section] of firstSection) {
      const at = section.answer
        ? place(section.answer.start, section.answer.end)
        : place(section.start, section.start);
      documentQuestions.set(number, {
        entry: {
          words: section.words,
          images: section.images,
          proseWords: section.proseWords,
          answered: section.answered,
          placeholder: section.placeholderLines.length > 0,
          line: at.line,
        },
        at,
      });
    }
  }

  findings.push(...structureFindings(model, reading, expected, structureSeverity, positional));

  const unanswered = new Set<number>();
  for (const [number, { entry, at }] of documentQuestions) {
    if (entry.answered) continue;
    unanswered.add(number);
    const ranges = constraints.ranges.get(number);
    const wanted = [
      ranges?.words ? `${describeRange(ranges.words)} words` : '',
      ranges?.images ? `${describeRange(ranges.images)} ${ranges.images.max === 1 ? 'image' : 'images'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    findings.push({
      ruleId: 'unanswered',
      severity: input.strict ? 'error' : 'notice',
      message: `Question ${number} is not answered yet: ${entry.placeholder ? 'replace the placeholder with your answer' : 'write your answer'}${wanted ? ` (${wanted})` : ''}.`,
      ...at,
      question: number,
      fingerprint: fingerprint('unanswered', number),
    });
  }

  const document = {
    edition,
    answerCount: reading.answers.length,
    questions: Object.fromEntries(
      [...documentQuestions].map(([number, { entry }]) => [String(number), entry]),
    ),
  };
  for (const error of validateDocument(constraints, document)) {
    const violation = toRangeViolation(error);
    const question = violation?.question ?? questionOfPath(error.instancePath);
    // A question without its `Answer:` line has no answer to count: its finding is answer-missing.
    const noAnswerLine = !positional && question !== null && firstSection.get(question)?.markers.length === 0;
    if (question !== null && (unanswered.has(question) || noAnswerLine)) continue;
    const at = (question !== null && documentQuestions.get(question)?.at) || {
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    };
    if (violation) {
      const ruleId = violation.kind === 'words' ? 'word-count' : 'image-count';
      findings.push({
        ruleId,
        severity: 'error',
        message: rangeMessage(violation.question, violation.kind, violation.actual, violation.range),
        ...at,
        question: violation.question,
        expected: violation.range,
        actual: violation.actual,
        fingerprint: fingerprint(ruleId, violation.question, String(violation.actual)),
      });
    } else {
      findings.push({
        ruleId: 'schema',
        severity: 'error',
        message: `The report breaks the constraints schema ${constraints.source}: ${error.instancePath || 'document'} ${error.message ?? 'is invalid'}.`,
        ...at,
        question,
        fingerprint: fingerprint('schema', question, `${error.instancePath} ${error.keyword}`),
      });
    }
  }

  const files = !input.files ? null : 'has' in input.files ? input.files : indexFiles(input.files);
  for (const section of model.questions) {
    findings.push(...checkImages(section, input.path, files));
    findings.push(...contentFindings(section, model));
  }
  for (const line of invalidUtf8Lines) {
    findings.push({
      ruleId: 'invalid-utf8',
      severity: 'warning',
      message: `Line ${line} has bytes that are not valid UTF-8, on which the course checker crashes; save the file as UTF-8.`,
      line,
      column: 1,
      endLine: line,
      endColumn: 1,
      question: sectionAtLine(model, line),
      fingerprint: fingerprint('invalid-utf8', null, String(line)),
    });
  }
  const firstInvalid = invalidUtf8Lines[0];
  if (firstInvalid !== undefined) {
    // The checker dies decoding the file before it counts anything, so this is the crash to report.
    findings.push({
      ruleId: 'course-checker-crash',
      severity: 'error',
      message: `The course checker would crash (UnicodeDecodeError) on the bytes at line ${firstInvalid}; save the file as UTF-8.`,
      line: firstInvalid,
      column: 1,
      endLine: firstInvalid,
      endColumn: 1,
      question: sectionAtLine(model, firstInvalid),
      fingerprint: fingerprint('course-checker-crash', null, 'utf-8'),
    });
  }
  if (model.parseFailure) {
    findings.push({
      ruleId: 'markdown-unparsed',
      severity: 'warning',
      message: `The markdown could not be parsed (${model.parseFailure}); only headings and counts were checked.`,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      question: null,
      fingerprint: fingerprint('markdown-unparsed', null),
    });
  }

  const diagnostics = findings.map((finding) => ({ path: input.path, ...clamp(finding, model.lineCount) }));
  diagnostics.sort(compareDiagnostics);
  return {
    path: input.path,
    edition: input.constraints ? 'custom' : edition,
    editionSource: given ? 'given' : 'detected',
    diagnostics,
    questions: summarise(expected, documentQuestions, firstSection, constraints, diagnostics),
    courseChecker: verdict,
  };
}

function leadingNewlines(text: string, offset: number): number {
  let count = 0;
  while (text[offset + count] === '\n') count++;
  return count;
}

function questionOfPath(path: string): number | null {
  const match = /^\/questions\/(\d+)/.exec(path);
  return match ? Number(match[1]) : null;
}

function sectionContaining(model: ReportModel, offset: number): QuestionSection | undefined {
  return model.questions.find((section) => offset >= section.start && offset < section.end);
}

function sectionAtLine(model: ReportModel, line: number): number | null {
  const section = model.questions.find(
    (s) => model.pointAt(s.start).line <= line && line <= model.pointAt(Math.max(s.start, s.end - 1)).line,
  );
  return section?.number ?? null;
}

/** Keeps a finding's range inside the file, whatever went wrong upstream. */
function clamp(finding: Finding, lineCount: number): Finding {
  const line = Math.min(Math.max(1, finding.line), lineCount);
  const endLine = Math.min(Math.max(line, finding.endLine), lineCount);
  const column = Math.max(1, finding.column);
  const endColumn = endLine === line ? Math.max(column, finding.endColumn) : Math.max(1, finding.endColumn);
  return { ...finding, line, endLine, column, endColumn };
}

/** The course checker's outcome: crash (bad bytes or answer count), else a warning per range it finds broken. */
function predictVerdict(
  reading: CheckerReading,
  builtin: Constraints,
  invalidUtf8Lines: number[],
): CourseCheckerVerdict {
  if (invalidUtf8Lines.length > 0) {
    return {
      outcome: 'crash',
      failures: [],
      reason: `UnicodeDecodeError: 'utf-8' codec can't decode the bytes on line ${invalidUtf8Lines[0]}`,
    };
  }
  if (reading.crash) return { outcome: 'crash', failures: [], reason: reading.crash };
  const failures: CourseCheckerFailure[] = [];
  reading.answers.forEach((answer, index) => {
    const ranges = builtin.ranges.get(index + 1);
    for (const kind of ['words', 'images'] as const) {
      const range = ranges?.[kind];
      const got = answer[kind];
      if (range && (got < range.min || got > range.max)) {
        failures.push({ question: index + 1, kind, min: range.min, max: range.max, got });
      }
    }
  });
  return { outcome: failures.length ? 'fail' : 'pass', failures, reason: null };
}

/**
 * Findings about the report's skeleton: questions missing, repeated, out of order or unknown, `Answer:` lines
 * missing or repeated, and — when the course checker would crash or mis-assign answers — which line causes it.
 */
function structureFindings(
  model: ReportModel,
  reading: CheckerReading,
  expected: number,
  severity: Severity,
  positional: boolean,
): Finding[] {
  const found: Finding[] = [];
  const at = (line: number, endLine = line) => ({ line, column: 1, endLine, endColumn: 1 });
  const seen = new Map<number, QuestionSection>();
  let previous = 0;
  for (const section of model.questions) {
    const line = section.heading.start.line;
    const n = section.number;
    if (n < 1 || n > expected) {
      found.push({
        ruleId: 'question-unknown',
        severity: 'warning',
        message: `Question ${n} is not in this edition's template (Questions 1–${expected}); renumber or remove it.`,
        ...at(line),
        question: null,
        fingerprint: fingerprint('question-unknown', n, String(line)),
      });
    } else if (seen.has(n)) {
      found.push({
        ruleId: 'question-duplicate',
        severity,
        message: `Question ${n} appears again here (first at line ${seen.get(n)?.heading.start.line}); keep one copy.`,
        ...at(line),
        question: n,
        fingerprint: fingerprint('question-duplicate', n),
      });
    } else if (n < previous) {
      found.push({
        ruleId: 'question-order',
        severity: 'warning',
        message: `Question ${n} comes after Question ${previous}; keep the template's order, as the course checker matches answers by position.`,
        ...at(line),
        question: n,
        fingerprint: fingerprint('question-order', n),
      });
    }
    if (!seen.has(n)) seen.set(n, section);
    previous = Math.max(previous, n);
    if (section.markers.length === 0) {
      found.push({
        ruleId: 'answer-missing',
        severity,
        message: `Question ${n} has no "Answer:" line, so the course checker ${severity === 'error' ? 'crashes (it counts the wrong number of answers)' : 'mis-assigns answers'}; put back "> Answer:" under the question.`,
        ...at(line),
        question: n,
        fingerprint: fingerprint('answer-missing', n),
      });
    }
    for (const marker of section.markers.slice(1)) {
      const markerLine = model.pointAt(marker).line;
      found.push({
        ruleId: 'answer-repeated',
        severity: positional && severity === 'warning' ? 'warning' : 'error',
        message: `Line ${markerLine} contains "Answer:" again inside Question ${n}; the course checker splits answers at every "Answer:", so reword it (e.g. "Answer -").`,
        ...at(markerLine),
        question: n,
        fingerprint: fingerprint('answer-repeated', n, String(marker - section.start)),
      });
    }
  }
  for (let n = 1; n <= expected; n++) {
    if (seen.has(n)) continue;
    const next = model.questions.find((s) => s.number > n);
    const line = next ? next.heading.start.line : model.lineCount;
    found.push({
      ruleId: 'question-missing',
      severity,
      message: `Question ${n} is missing; restore its "### Question ${n}" heading and "> Answer:" line from the template.`,
      ...at(line),
      question: n,
      fingerprint: fingerprint('question-missing', n),
    });
  }
  // `Answer:` outside every question section (e.g. in the introduction) also shifts the checker's count.
  for (let at2 = model.text.indexOf('Answer:'); at2 !== -1; at2 = model.text.indexOf('Answer:', at2 + 1)) {
    if (sectionContaining(model, at2)) continue;
    const line = model.pointAt(at2).line;
    found.push({
      ruleId: 'answer-outside-question',
      severity,
      message: `Line ${line} contains "Answer:" outside any question; the course checker counts it as an answer, so reword it.`,
      ...at(line),
      question: null,
      fingerprint: fingerprint('answer-outside-question', null, String(line)),
    });
  }
  // The checker appends the text after the last `Answer:` once cut at `###` and once whole, so any `###`
  // heading after the last answer (an extra section at the end) adds one answer too many.
  const lastMarker = model.text.lastIndexOf('Answer:');
  const trailing = lastMarker === -1 ? -1 : model.text.indexOf('###', lastMarker);
  if (trailing !== -1) {
    const line = model.pointAt(trailing).line;
    found.push({
      ruleId: 'section-after-last-answer',
      severity,
      message: `The heading at line ${line} comes after the last question's answer, so the course checker counts one answer too many; remove it or move it above Question 1.`,
      ...at(line),
      // The extra answer is cut from the last question's text, so that is the question to name.
      question: sectionContaining(model, lastMarker)?.number ?? null,
      fingerprint: fingerprint('section-after-last-answer', null),
    });
  }
  if (reading.crash) {
    const culprit = found.find((f) => f.severity === 'error');
    found.push({
      ruleId: 'course-checker-crash',
      severity: 'error',
      message: culprit
        ? `The course checker would crash (${reading.crash}) because of line ${culprit.line}${culprit.question ? ` in Question ${culprit.question}` : ''}: fix the problem reported there.`
        : `The course checker would crash: ${reading.crash}; compare the report's headings and "Answer:" lines with the template.`,
      ...at(culprit?.line ?? 1),
      question: culprit?.question ?? null,
      fingerprint: fingerprint('course-checker-crash', null),
    });
  } else {
    // Same count, wrong places: the checker grades answer k against question k whatever the headings say.
    const shifted = reading.answers.findIndex(
      (answer, index) => sectionContaining(model, answer.start - 1)?.number !== index + 1,
    );
    if (shifted !== -1 && model.questions.length > 0) {
      const answer = reading.answers[shifted];
      const line = answer ? model.pointAt(answer.start).line : 1;
      found.push({
        ruleId: 'answers-misaligned',
        severity: 'error',
        message: `The course checker reads the answer at line ${line} as Question ${shifted + 1}'s, because it matches answers by position; restore the template's questions and "Answer:" lines.`,
        ...at(line),
        question: shifted + 1,
        fingerprint: fingerprint('answers-misaligned', shifted + 1),
      });
    }
  }
  return found;
}

/** Findings inside one answer: template leftovers, text that renders as a heading, text the checker never reads. */
function contentFindings(section: QuestionSection, model: ReportModel): Finding[] {
  const found: Finding[] = [];
  const n = section.number;
  const at = (line: number) => ({ line, column: 1, endLine: line, endColumn: 1 });
  if (section.answered) {
    for (const line of section.placeholderLines) {
      found.push({
        ruleId: 'placeholder-left',
        severity: 'warning',
        message: `Question ${n} still has the template's "--- question ${n} fill here ---" line; remove it (the course checker counts its 6 words).`,
        ...at(line),
        question: n,
        fingerprint: fingerprint('placeholder-left', n),
      });
    }
    // One finding per answer: a group that kept the markers usually kept them on every line.
    const markerLine = section.markerLines[0];
    if (markerLine !== undefined) {
      found.push({
        ruleId: 'template-marker',
        severity: 'warning',
        message: `Line ${markerLine} still has the template's "---" markers around Question ${n}'s answer; remove them, they show in the rendered report.`,
        ...at(markerLine),
        question: n,
        fingerprint: fingerprint('template-marker', n),
      });
    }
  }
  for (const { line, underline } of section.setextHeadings) {
    found.push({
      ruleId: 'setext-heading',
      severity: 'warning',
      message: `The "---" or "===" on line ${underline} turns the text above it into a heading; put an empty line before it or remove it.`,
      ...at(line),
      endLine: underline,
      question: n,
      fingerprint: fingerprint('setext-heading', n, String(line - section.heading.start.line)),
    });
  }
  if (section.answer && section.markers.length === 1) {
    const rest = model.text.slice(section.answer.end, section.end);
    const cut = rest.indexOf('##');
    if (cut !== -1 && /\S/.test(rest.slice(cut).replace(/^#+/, ''))) {
      const line = model.pointAt(section.answer.end + cut).line;
      found.push({
        ruleId: 'answer-cut',
        severity: 'warning',
        message: `The course checker stops reading Question ${n}'s answer at the "##" on line ${line}, so the text after it is not counted; avoid "##" inside answers.`,
        ...at(line),
        question: n,
        fingerprint: fingerprint('answer-cut', n),
      });
    }
  }
  return found;
}

function summarise(
  expected: number,
  documentQuestions: Map<number, { entry: DocumentQuestion; at: AnswerPlace }>,
  sections: Map<number, QuestionSection>,
  constraints: Constraints,
  diagnostics: Diagnostic[],
): QuestionSummary[] {
  const failing = new Set(
    diagnostics
      .filter((d) => d.ruleId === 'word-count' || d.ruleId === 'image-count' || d.ruleId === 'schema')
      .map((d) => d.question),
  );
  const numbers = new Set<number>([
    ...Array.from({ length: expected }, (_, i) => i + 1),
    ...documentQuestions.keys(),
  ]);
  return [...numbers]
    .sort((a, b) => a - b)
    .map((number) => {
      const entry = documentQuestions.get(number)?.entry;
      const section = sections.get(number);
      const ranges = constraints.ranges.get(number);
      return {
        number,
        words: entry?.words ?? 0,
        images: entry?.images ?? 0,
        proseWords: entry?.proseWords ?? 0,
        answered: entry?.answered ?? false,
        wordRange: ranges?.words ?? null,
        imageRange: ranges?.images ?? null,
        status: !entry ? 'missing' : !entry.answered ? 'unanswered' : failing.has(number) ? 'fail' : 'ok',
        line: section?.heading.start.line ?? null,
        answerLine: entry?.line ?? null,
      };
    });
}
