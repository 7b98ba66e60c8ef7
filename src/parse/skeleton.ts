import { isJsSpace } from './line-slots.js';
import { isDigitCode } from './linear-scan.js';
import type { Heading } from './scan-lines.js';
import { ANSWER } from './section.js';

/** Whether the character at `i` is whitespace to JavaScript's `\s`. */
const isSpaceAt = (text: string, i: number): boolean => isJsSpace(text.charCodeAt(i));

/**
 * The number of a `Question N` heading's text, or null: what `/^\s*question\s+(\d+)/i` reads (its `i` folds ASCII
 * letters only), read by character codes, which costs less than compiling the pattern on a cold start and
 * running it on every heading. Exported for its test.
 */
export function questionNumber(text: string): number | null {
  let i = 0;
  while (i < text.length && isSpaceAt(text, i)) i++;
  // `|0x20` lowers an ASCII letter and makes no other character one.
  for (let k = 0; k < 8; k++) if ((text.charCodeAt(i + k) | 0x20) !== 'question'.charCodeAt(k)) return null;
  i += 8;
  const spaces = i;
  while (i < text.length && isSpaceAt(text, i)) i++;
  const digits = i;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i > digits && digits > spaces ? Number(text.slice(digits, i)) : null;
}

/** A `Question N` heading inside an answer: the page shows a heading, the report's skeleton does not have one. */
export interface InAnswerHeading {
  start: number;
  end: number;
  depth: number;
  number: number;
}

/** A `Question N` heading with its number, spelled out: spreading 35,000 headings was slow. */
function questionCandidate(heading: Heading): (Heading & { number: number }) | null {
  const number = heading.nested ? null : questionNumber(heading.text);
  if (number === null) return null;
  const { start, end, depth, text, nested, swallowed } = heading;
  return { start, end, depth, text, nested, swallowed, number };
}

/**
 * Which headings start a question, as both readers see it. The course checker cuts answers only at `##`/`###`
 * (anywhere, quotes and HTML included) and matches them by position; the page shows CommonMark headings. A
 * `Question N` heading starts a question when it is the report's own heading (not quoted, not in HTML) and either
 * an `Answer:` follows it before the next heading of the skeleton, or it is a `##`–`######` heading that does not
 * repeat the number of the question whose answer it stands in. So a `# Question 7` or `### Question 7` title that
 * a group put inside Question 7's answer stays part of that answer (the checker counts it there too), and a
 * renamed or duplicated question with its own `Answer:` is still a question. Other headings end a question only at
 * level 2 outside quotes and HTML (the template's section headings; the checker cuts there too, but not after the
 * last `Answer:` when no `###` follows, where it counts an appendix as the last answer), or at level 3 when an
 * `Answer:` follows (a renamed question); a `# Results` or `### Results` inside an answer does not, even after an
 * untouched placeholder (the words under it are the student's answer).
 */
export function questionStarts(
  text: string,
  headings: Heading[],
): { starts: (Heading & { number: number })[]; ends: Heading[]; inAnswer: InAnswerHeading[] } {
  const candidates = headings.map(questionCandidate);
  const isSection = (heading: Heading): boolean => !heading.nested && heading.depth === 2;
  // Offsets of every `Answer:`, found once; both lists are walked forward only, so this stays linear.
  const answers: number[] = [];
  for (let at = text.indexOf(ANSWER); at !== -1; at = text.indexOf(ANSWER, at + 1)) answers.push(at);
  let nextAnswer = 0;
  // The checker appends the text after the last `Answer:` whole when it holds no `###`: a `## Appendix` there
  // is part of the last answer to it, so it does not end the last question here either.
  const lastAnswer = answers[answers.length - 1] ?? text.length;
  const wholeTail = !text.includes('###', lastAnswer);
  const starts: (Heading & { number: number })[] = [];
  const inAnswer: InAnswerHeading[] = [];
  const ends: Heading[] = [];
  let current: { number: number; answerAt: number } | null = null;
  // Where the next question or section heading after each heading starts (one backward pass).
  const nextSkeleton: number[] = new Array<number>(headings.length);
  for (let i = headings.length - 1, next = text.length; i >= 0; i--) {
    nextSkeleton[i] = next;
    const heading = headings[i] as Heading;
    if (candidates[i] || isSection(heading)) next = heading.start;
  }
  headings.forEach((heading, i) => {
    const candidate = candidates[i];
    while (nextAnswer < answers.length && (answers[nextAnswer] ?? 0) < heading.end) nextAnswer++;
    const answerAt = answers[nextAnswer] ?? -1;
    const hasAnswer = answerAt !== -1 && answerAt < (nextSkeleton[i] ?? text.length);
    if (!candidate) {
      // A `###` heading with its own `Answer:` is a renamed question: it ends the one before.
      const renamed = heading.depth === 3 && hasAnswer;
      const section = isSection(heading) && !(wholeTail && heading.start > lastAnswer);
      if (!heading.nested && (section || renamed)) {
        current = null;
        ends.push(heading);
      }
      return;
    }
    const repeats =
      current !== null &&
      current.number === candidate.number &&
      current.answerAt !== -1 &&
      current.answerAt < heading.start;
    if (hasAnswer || (heading.depth >= 2 && !repeats)) {
      starts.push(candidate);
      current = { number: candidate.number, answerAt: hasAnswer ? answerAt : -1 };
    } else {
      const { start, end, depth } = heading;
      inAnswer.push({ start, end, depth, number: candidate.number });
    }
  });
  return { starts, ends, inAnswer };
}
