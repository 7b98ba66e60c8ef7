import { countPythonImages, type CheckerAnswer } from './course-checker.js';
import { withoutFences } from './fence-code.js';
import { isMarkerLine, withoutImages, withoutTags } from './linear-scan.js';
import type { Point, QuestionSection } from './model.js';
import type { Heading } from './scan-lines.js';
import { countWordsAround, countWordsIn, countWordsScanned, hasPythonWord, wordAcross } from './words.js';

export const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;
export const ANSWER = 'Answer:';

/** The template's lone `>` and `---` marks, each with the space before it. */
const MARKS = /(^|\s)(>|-{3,})(?=\s|$)/g;
/** An inline code span (fenced code is withoutFences'). */
const CODE_SPAN = /`+[^`\n]*`+/g;

/**
 * `text` without the template's placeholders and its lone `>` and `---` marks. Both patterns need a `>` or a
 * `---`: most answers have neither and are not copied.
 */
function withoutTemplateMarks(text: string): string {
  const dashes = text.includes('---');
  if (!dashes && !text.includes('>')) return text;
  return (dashes ? text.replace(PLACEHOLDER, ' ') : text).replace(MARKS, ' ');
}

/** An answer's rendered prose, roughly: without code, image syntax and HTML tags. */
function proseOf(text: string): string {
  const unfenced = withoutFences(text);
  // A code span needs a backtick: most answers have none and are not matched.
  const code = unfenced.includes('`') ? unfenced.replace(CODE_SPAN, ' ') : unfenced;
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

/**
 * How many more words (Python's split) `text.replace(pattern, ' ')` has than `text`, from the matches of the
 * global `pattern` alone (none may be empty): a match loses the words that start in it, and the space put in its
 * place starts a new word after it when it cut one in two. The text is neither copied nor counted again.
 */
function spacedWordsDelta(text: string, pattern: RegExp): number {
  let delta = 0;
  let previousEnd = -1;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    if (previousEnd !== -1 && previousEnd < start && wordAcross(text, previousEnd)) delta++;
    // A loop over the few characters of a mark or code span: countWordsIn's pattern (which it uses while the loop
    // is cold) cost a slice and an array for each of the hundreds of marks of a report.
    delta -= countWordsScanned(text, start, (previousEnd = start + match[0].length));
    // countWordsScanned counted a word at the match's start that began before it.
    if (start > 0 && wordAcross(text, start)) delta++;
  }
  if (previousEnd !== -1 && previousEnd < text.length && wordAcross(text, previousEnd)) delta++;
  return delta;
}

/**
 * Whether `text` has what makes an answer's prose differ from it other than template marks and code spans: a
 * fence, an image or a tag. Searches for each (a pattern of the four alternatives took five times as long).
 */
function hasRebuilt(text: string): boolean {
  return text.includes('<') || text.includes('![') || text.includes('```') || text.includes('~~~');
}

/**
 * The words of an answer's prose (see {@link proseOf}) and whether it has any once the template's marks are
 * gone, for the region `text[first, end)` after its `Answer:`, whose answer `answer` has `words` words.
 */
function answerProse(
  text: string,
  region: string,
  first: number,
  end: number,
  answer: { start: number; end: number },
  words: number,
): { proseWords: number; answered: boolean } {
  // The region's words are the answer's and those of the few characters around it, not all counted again.
  const regionWords = countWordsAround(text, first, end, answer.start, answer.end, words);
  if (hasRebuilt(region)) {
    const answeredText = withoutTemplateMarks(region);
    const prose = proseOf(answeredText);
    return {
      proseWords: prose === region ? regionWords : countWordsIn(prose),
      answered: hasPythonWord(answeredText),
    };
  }
  // Without fences, images and tags, withoutFences, withoutImages and withoutTags leave the text as it is (the
  // spaces put in for marks and code spans make none of them): the prose is the region with the template's marks,
  // then its code spans, replaced by spaces, and each replacement's effect on the count is read off its matches.
  let rest = region;
  let count = regionWords;
  const dashes = region.includes('---');
  if (dashes || region.includes('>')) {
    if (dashes) {
      count += spacedWordsDelta(rest, PLACEHOLDER);
      rest = rest.replace(PLACEHOLDER, ' ');
    }
    count += spacedWordsDelta(rest, MARKS);
    // Only the code spans need the text without the marks (which have no backtick).
    if (rest.includes('`')) rest = rest.replace(MARKS, ' ');
  }
  // A word after the marks are gone is what hasPythonWord(withoutTemplateMarks(region)) looks for.
  const answered = count > 0;
  if (rest.includes('`')) count += spacedWordsDelta(rest, CODE_SPAN);
  return { proseWords: count, answered };
}

/** {@link answerProse} for a section without `Answer:`, from its own unquoted lines. */
function ownProse(ownText: string): { proseWords: number; answered: boolean } {
  const answeredText = withoutTemplateMarks(ownText);
  return { proseWords: countWordsIn(proseOf(answeredText)), answered: hasPythonWord(answeredText) };
}

/** Lines of an answer's region with the template's placeholder, and lines still carrying its `---` markers. */
function templateLines(
  region: string,
  regionStart: number,
  pointAt: (offset: number) => Point,
): { placeholderLines: number[]; markerLines: number[] } {
  const placeholderLines: number[] = [];
  // Both need a `---`: most answers have none and are not matched.
  if (!region.includes('---')) return { placeholderLines, markerLines: [] };
  // exec, not matchAll: no copy of the pattern and no iterator for each region.
  PLACEHOLDER.lastIndex = 0;
  for (let match = PLACEHOLDER.exec(region); match !== null; match = PLACEHOLDER.exec(region))
    placeholderLines.push(pointAt(regionStart + match.index).line);
  const markerLines: number[] = [];
  // Only a line with `---` can hold a marker: found by searching for `---`, so other lines are neither split
  // out nor copied (a million empty lines took a second).
  for (let at = region.indexOf('---'); at !== -1;) {
    const lineStart = region.lastIndexOf('\n', at) + 1;
    const newline = region.indexOf('\n', at);
    const line = region.slice(lineStart, newline === -1 ? region.length : newline);
    // A table row first: its `|---|` separators are most of the lines with `---`, and none is a marker.
    if (!/^\s*\|/.test(line)) {
      const withoutPlaceholder = line.replace(PLACEHOLDER, '');
      if (withoutPlaceholder.trim() !== '' && isMarkerLine(withoutPlaceholder)) {
        markerLines.push(pointAt(regionStart + lineStart).line);
      }
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
  const words = same ? same.words : answer ? countWordsIn(text, answer.start, answer.end) : 0;
  const { proseWords, answered } =
    answer && first !== undefined ? answerProse(text, region, first, end, answer, words) : ownProse(ownText);
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
    answered,
  };
}
