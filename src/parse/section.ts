import { countPythonImages, type CheckerAnswer } from './course-checker.js';
import { withoutFences } from './fence-code.js';
import { isMarkerLine, withoutImages, withoutTags } from './linear-scan.js';
import type { Point, QuestionSection } from './model.js';
import type { Heading } from './scan-lines.js';
import { countWordsAround, countWordsIn, hasPythonWord } from './words.js';

export const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;
export const ANSWER = 'Answer:';

/**
 * `text` without the template's placeholders and its lone `>` and `---` marks. Both patterns need a `>` or a
 * `---`: most answers have neither and are not copied.
 */
function withoutTemplateMarks(text: string): string {
  const dashes = text.includes('---');
  if (!dashes && !text.includes('>')) return text;
  return (dashes ? text.replace(PLACEHOLDER, ' ') : text).replace(/(^|\s)(>|-{3,})(?=\s|$)/g, ' ');
}

/** An answer's rendered prose, roughly: without code, image syntax and HTML tags. */
function proseOf(text: string): string {
  const unfenced = withoutFences(text);
  // A code span needs a backtick: most answers have none and are not matched.
  const code = unfenced.includes('`') ? unfenced.replace(/`+[^`\n]*`+/g, ' ') : unfenced;
  return withoutTags(withoutImages(code));
}

/**
 * The answer as the course checker cuts it: from the first `Answer:` to the next, else to the first `##` (which
 * `###` contains), except after the report's last `Answer:` when no `###` follows, which it keeps whole. Its
 * offsets only: the text is cut once they are known (see {@link buildSection}).
 */
function cutAnswer(text: string, markers: number[], end: number): { start: number; end: number } | null {
  const first = markers[0];
  if (first === undefined) return null;
  let cut = Math.min(markers[1] !== undefined ? markers[1] - ANSWER.length : end, end);
  // The text after the report's last `Answer:` is appended whole when it holds no `###` (an appendix counts).
  const wholeTail = end === text.length && markers[1] === undefined && !text.includes('###', first);
  const hashes = wholeTail ? -1 : text.indexOf('##', first);
  if (hashes !== -1 && hashes < cut) cut = hashes;
  let s = first;
  let e = cut;
  while (s < e && text.charCodeAt(s) === 10) s++;
  while (e > s && text.charCodeAt(e - 1) === 10) e--;
  return { start: s, end: e };
}

/**
 * What the course checker's reading already knows of the range an answer was cut at: its text, words and images,
 * which are functions of the range of the text alone (see {@link buildSection}).
 */
export type KnownAnswer = Pick<CheckerAnswer, 'text' | 'words' | 'images'>;

/** Lines of an answer's region with the template's placeholder, and lines still carrying its `---` markers. */
function templateLines(
  region: string,
  regionStart: number,
  pointAt: (offset: number) => Point,
): { placeholderLines: number[]; markerLines: number[] } {
  const placeholderLines: number[] = [];
  // Both need a `---`: most answers have none and are not matched.
  if (!region.includes('---')) return { placeholderLines, markerLines: [] };
  for (const match of region.matchAll(PLACEHOLDER))
    placeholderLines.push(pointAt(regionStart + match.index).line);
  const markerLines: number[] = [];
  // Only a line with `---` can hold a marker: found by searching for `---`, so other lines are neither split
  // out nor copied (a million empty lines took a second).
  for (let at = region.indexOf('---'); at !== -1;) {
    const lineStart = region.lastIndexOf('\n', at) + 1;
    const newline = region.indexOf('\n', at);
    const line = region.slice(lineStart, newline === -1 ? region.length : newline);
    const withoutPlaceholder = line.replace(PLACEHOLDER, '');
    if (withoutPlaceholder.trim() !== '' && isMarkerLine(withoutPlaceholder) && !/^\s*\|/.test(line)) {
      markerLines.push(pointAt(regionStart + lineStart).line);
    }
    at = newline === -1 ? -1 : region.indexOf('---', newline + 1);
  }
  return { placeholderLines, markerLines };
}

/** A question's section from its heading to `end`: its `Answer:` markers, the checker's cut and the template's leftovers. */
export function buildSection(
  text: string,
  number: number,
  heading: Heading,
  end: number,
  pointAt: (offset: number) => Point,
  known?: (start: number, end: number) => KnownAnswer | undefined,
): QuestionSection {
  const markers: number[] = [];
  for (let at = text.indexOf(ANSWER, heading.end); at !== -1 && at < end; at = text.indexOf(ANSWER, at + 1)) {
    markers.push(at + ANSWER.length);
  }
  const cut = cutAnswer(text, markers, end);
  // The checker's reading of the same text cut most answers at the same offsets: their text, words and images
  // are the same (each a function of the range), so they are taken from it instead of being counted again.
  const same = cut && known ? known(cut.start, cut.end) : undefined;
  const answer = cut && {
    start: cut.start,
    end: cut.end,
    text: same ? same.text : text.slice(cut.start, cut.end),
  };
  const first = markers[0];
  const region = first !== undefined ? text.slice(first, end) : '';
  // Without an `Answer:` line, the section's unquoted lines are the student's (the template's prompt is all
  // quoted): a group that replaced the prompt by its answer has answered.
  const ownText =
    first !== undefined
      ? region
      : text
          .slice(heading.end, end)
          .split('\n')
          .filter((line) => !/^[ \t]*>/.test(line))
          .join('\n');
  const answeredText = withoutTemplateMarks(ownText);
  const words = same ? same.words : answer ? countWordsIn(text, answer.start, answer.end) : 0;
  const prose = proseOf(answeredText);
  // Most answers have no code, image, tag or template mark, and their prose is the region after `Answer:`: its
  // words are the answer's and those of the few characters around it, not all counted a second time.
  const proseWords =
    answer && first !== undefined && prose === region
      ? countWordsAround(text, first, end, answer.start, answer.end, words)
      : countWordsIn(prose);
  const { placeholderLines, markerLines } = templateLines(region, first ?? end, pointAt);
  return {
    number,
    heading: { start: pointAt(heading.start), end: pointAt(heading.end), text: heading.text },
    start: heading.start,
    end,
    markers,
    answer,
    words,
    images: same ? same.images : answer ? countPythonImages(answer.text) : 0,
    proseWords,
    imageRefs: [],
    placeholderLines,
    markerLines,
    setextHeadings: [],
    answered: hasPythonWord(answeredText),
  };
}
