import type { CheckResult, CourseCheckerFailure, Edition } from '../../src/result.js';

/**
 * The differential test's yardstick, shared by `npm test` (stored verdicts) and `scripts/differential.mjs` (the
 * real checkers): what the course's `report.py check` said about a text, and the properties report-check's
 * result must have given that. Written from the checker's Python, independently of the engine's own reading.
 */

/** The real checker's verdict on one text, as scripts/course-checker-driver.py records it. */
export interface OracleVerdict {
  status: 'ok' | 'crash';
  /** The last line of the traceback when it crashed, else null. */
  error: string | null;
  failures: CourseCheckerFailure[];
}

const LEGACY: readonly Edition[] = ['2023', '2024'];

/**
 * The answers as `report.py check` of `edition` cuts them, straight from its code: universal newlines, the
 * 2023/2024 43-character drop, split on `Answer:`, cut at `###` then `##`, the last chunk again, `strip("\n")`.
 * Used only to ask whether an answer is empty; the verdict itself comes from the real checker.
 */
export function pythonAnswers(text: string, edition: Edition): string[] {
  let read = text.replace(/\r\n?/g, '\n');
  const legacy = LEGACY.includes(edition);
  if (legacy) read = [...read].slice(43).join('');
  const perQuestion = read.split('Answer:');
  if (!legacy) perQuestion.shift();
  let answers: string[] = [];
  for (let q of perQuestion) {
    if (q.includes('###')) {
      q = q.split('###')[0] ?? '';
      if (q.includes('##')) q = q.split('##')[0] ?? '';
      answers.push(q);
    }
  }
  answers.push(perQuestion[perQuestion.length - 1] ?? '');
  if (legacy) answers = answers.slice(1);
  return answers.map((answer) => answer.replace(/^\n+|\n+$/g, ''));
}

const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;

/** Whether an answer says nothing: empty, or only the template's placeholder, `---` markers and `>` quote marks. */
export function isEmptyAnswer(answer: string): boolean {
  return (
    answer
      .replace(PLACEHOLDER, ' ')
      .split(/\s+/)
      .filter((token) => token !== '' && !/^(?:>+|-{3,})$/.test(token)).length === 0
  );
}

/** Why the engine's `courseChecker` disagrees with the real checker's verdict (empty when it agrees). */
export function verdictProblems(result: CheckResult, oracle: OracleVerdict): string[] {
  const ours = result.courseChecker;
  if (oracle.status === 'crash') {
    if (ours.outcome !== 'crash')
      return [`the checker crashes (${oracle.error}) but we predict ${ours.outcome}`];
    const kind = (text: string | null): string => String(text ?? '').split(':')[0] ?? '';
    return kind(ours.reason) === kind(oracle.error)
      ? []
      : [`we predict the crash ${kind(ours.reason)}, the checker raised ${kind(oracle.error)}`];
  }
  const want = oracle.failures.length ? 'fail' : 'pass';
  const show = (failures: CourseCheckerFailure[]): string =>
    failures.map((f) => `Q${f.question} ${f.kind} ${f.got} (${f.min}-${f.max})`).join(', ') || 'none';
  if (ours.outcome !== want || show(ours.failures) !== show(oracle.failures)) {
    return [
      `we predict ${ours.outcome} [${show(ours.failures)}]${ours.reason ? ` (${ours.reason})` : ''}, the checker says ${want} [${show(oracle.failures)}]`,
    ];
  }
  return [];
}

/** Rule ids that may be errors on a report the course checker passes (strict adds empty answers). */
const ERRORS_ON_PASS = ['answers-misaligned'];

/**
 * Why the engine's findings break the gate (empty when they hold it): every question the checker fails has an
 * error (with `strict: false`, unless its answer is empty or the untouched placeholder), a crash has an error at
 * a line, a pass has no error but misaligned answers (and, strict, empty ones), and no question whose answer
 * has words is called unanswered.
 */
export function gateProblems(
  result: CheckResult,
  oracle: OracleVerdict,
  text: string,
  edition: Edition,
  strict: boolean,
): string[] {
  const problems: string[] = [];
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const answers = pythonAnswers(text, edition);
  if (oracle.status === 'crash') {
    if (errors.length === 0)
      problems.push(`the checker crashes (${oracle.error}) but no finding is an error`);
  } else if (oracle.failures.length > 0) {
    for (const question of new Set(oracle.failures.map((f) => f.question))) {
      if (!strict && isEmptyAnswer(answers[question - 1] ?? '')) continue;
      if (!errors.some((d) => d.question === question)) {
        const shown = result.diagnostics
          .filter((d) => d.question === question)
          .map((d) => `${d.severity} ${d.ruleId}`);
        problems.push(
          `the checker fails Question ${question} but no error names it (${shown.join(', ') || 'no finding'})`,
        );
      }
    }
  } else {
    const allowed = strict ? [...ERRORS_ON_PASS, 'unanswered'] : ERRORS_ON_PASS;
    for (const d of errors.filter((e) => !allowed.includes(e.ruleId))) {
      problems.push(`the checker passes but ${d.ruleId} is an error at line ${d.line}`);
    }
  }
  for (const d of result.diagnostics.filter((e) => e.ruleId === 'unanswered' && e.question !== null)) {
    // As the student sees it: the text under the question's own heading (what the checker counts is the
    // gate's business above).
    const own = sectionAnswer(text, d.question ?? 0, d.line);
    if (own !== null && !isEmptyAnswer(own)) {
      problems.push(`Question ${d.question} is called unanswered, but its answer has words`);
    }
  }
  return problems;
}

/**
 * The text a student wrote under `### Question N` (its first such heading, or with `line` the last one before that
 * line, where a finding stands; up to three spaces may indent a heading, as in CommonMark): after its `Answer:`, up to the next
 * heading of another question, the next `#`/`##` heading, or a `##`/`###` heading with an `Answer:` of its own
 * (a duplicated or renamed question, `### Question 7` again or `### Q8`: the course checker cuts the answer there
 * and grades the `Answer:` under it as the next answer; the page shows a new section), without heading lines. Null without an `Answer:`.
 */
export function sectionAnswer(text: string, question: number, line?: number): string | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const questionOf = (line: string): number | null => {
    const match = /^ {0,3}#{1,6}[ \t]*question[ \t]+(\d+)/i.exec(line);
    return match ? Number(match[1]) : null;
  };
  const own = (at: number): boolean =>
    /^ {0,3}#{2,3}[ \t]/.test(lines[at] ?? '') && questionOf(lines[at] ?? '') === question;
  let start = lines.findIndex((_, at) => own(at));
  // A finding at a line reads the copy of the question that line stands in, as the student does.
  for (let at = start + 1; start !== -1 && line !== undefined && at < line - 1 && at < lines.length; at++)
    if (own(at)) start = at;
  if (start === -1) return null;
  const body: string[] = [];
  let seenAnswer = false;
  for (let at = start + 1; at < lines.length; at++) {
    const line = lines[at] ?? '';
    const other = questionOf(line);
    if ((other !== null && other !== question) || (other === null && /^ {0,3}##?[ \t]/.test(line))) break;
    if (seenAnswer && /^ {0,3}#{2,3}[ \t]/.test(line) && ownAnswerFollows(lines, at)) break;
    if (!seenAnswer) {
      const marker = line.indexOf('Answer:');
      if (marker === -1) continue;
      seenAnswer = true;
      body.push(line.slice(marker + 'Answer:'.length));
    } else if (!/^[ \t>]*#/.test(line)) body.push(line);
  }
  return seenAnswer ? body.join('\n') : null;
}

/** Whether an `Answer:` follows the heading at `heading` before the next `#`–`###` heading. */
function ownAnswerFollows(lines: string[], heading: number): boolean {
  for (let at = heading + 1; at < lines.length; at++) {
    const line = lines[at] ?? '';
    if (/^ {0,3}#{1,3}[ \t]/.test(line)) return false;
    if (line.includes('Answer:')) return true;
  }
  return false;
}
