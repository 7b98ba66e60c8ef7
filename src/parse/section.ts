import { countPythonImages, type CheckerAnswer } from './course-checker.js';
import { withoutFences } from './fence-code.js';
import { imageSpans, isMarkerLine, spaced, tagSpans, withoutImages, withoutTags } from './linear-scan.js';
import type { Point, QuestionSection } from './model.js';
import type { Heading } from './scan-lines.js';
import { countWordsAround, countWordsIn, countWordsScanned, hasPythonWord, wordAcross } from './words.js';

export const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;
export const ANSWER = 'Answer:';

/** The template's lone `>` and `---` marks, each with the space before it (no groups: nothing refers to them). */
const MARKS = /(?:^|\s)(?:>|-{3,})(?=\s|$)/g;
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

/**
 * Whether `text[from, to)` holds words of the student's own: on a line that is not a heading, not quoted (the
 * template's section intros are) and not only the template's marks, and no `Answer:` (under a renamed question
 * heading, `### Q20`, the text is another answer). The text a section-ending heading such as `## Our setup` takes
 * from the question above it, up to the next question. Reads only `[from, to)`, each line once.
 */
export function hasOwnWords(text: string, from: number, to: number): boolean {
  let words = false;
  for (let at = from; at < to;) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline === -1 || newline > to ? to : newline;
    const line = text.slice(at, lineEnd);
    if (line.includes(ANSWER)) return false;
    const start = line.trimStart();
    if (!words && start !== '' && start[0] !== '#' && start[0] !== '>')
      words = hasPythonWord(withoutTemplateMarks(start));
    at = lineEnd + 1;
  }
  return words;
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
 * How many more words (Python's split) `text` has with each span of `spans` (start, end pairs, in order, none
 * empty or overlapping) replaced by a space, from the spans alone: a span loses the words that start in it, and
 * its space starts a new word after it when it cut one in two. The text is neither copied nor counted again.
 */
function spacedWordsDelta(text: string, spans: number[]): number {
  let delta = 0;
  for (let i = 0; i < spans.length; i += 2) {
    const start = spans[i] as number;
    const end = spans[i + 1] as number;
    // A loop over the few characters of a mark, code span, image or tag: countWordsIn's pattern (which it uses
    // while the loop is cold) cost a slice and more for each of the hundreds of marks of a report.
    delta -= countWordsScanned(text, start, end);
    // countWordsScanned counted a word at the span's start that began before it.
    if (start > 0 && wordAcross(text, start)) delta++;
    const next = i + 2 < spans.length ? (spans[i + 2] as number) : text.length;
    if (end < next && wordAcross(text, end)) delta++;
  }
  return delta;
}

/** The spans `text.replace(pattern, ' ')` replaces, for a global `pattern` that matches nothing empty. */
function matchSpans(text: string, pattern: RegExp): number[] {
  const spans: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text))
    spans.push(match.index, match.index + match[0].length);
  return spans;
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
  placeholders: number[],
): { proseWords: number; answered: boolean } {
  // The region's words are the answer's and those of the few characters around it, not all counted again.
  const regionWords = countWordsAround(text, first, end, answer.start, answer.end, words);
  const code = region.includes('`');
  if ((code && region.includes('```')) || region.includes('~~~')) {
    const answeredText = withoutTemplateMarks(region);
    const prose = proseOf(answeredText);
    return {
      proseWords: prose === region ? regionWords : countWordsIn(prose),
      answered: hasPythonWord(answeredText),
    };
  }
  // Without a fence, withoutFences leaves the text as it is (the spaces put in for marks make none): the prose is
  // the region with the template's marks, then its code spans, images and tags replaced by spaces, each stage on
  // the last one's text. Each replacement's effect on the count is read off its spans; a stage's text is built
  // only when a later stage has something to look for (the spaces make no backtick, `![` or `<`), from the spans
  // the stage's pattern was matched for (the same replacement, without matching it again).
  const images = region.includes('![');
  const tags = region.includes('<');
  let rest = region;
  let count = regionWords;
  const dashes = region.includes('---');
  if (dashes || region.includes('>')) {
    if (placeholders.length > 0) {
      count += spacedWordsDelta(rest, placeholders);
      rest = spaced(rest, placeholders);
    }
    const marks = matchSpans(rest, MARKS);
    count += spacedWordsDelta(rest, marks);
    if ((code || images || tags) && marks.length > 0) rest = spaced(rest, marks);
  }
  // A word after the marks are gone is what hasPythonWord(withoutTemplateMarks(region)) looks for.
  const answered = count > 0;
  if (code) {
    const spans = matchSpans(rest, CODE_SPAN);
    count += spacedWordsDelta(rest, spans);
    if ((images || tags) && spans.length > 0) rest = spaced(rest, spans);
  }
  if (images) {
    const spans = imageSpans(rest);
    count += spacedWordsDelta(rest, spans);
    if (tags && spans.length > 0) rest = spaced(rest, spans);
  }
  if (tags) count += spacedWordsDelta(rest, tagSpans(rest));
  return { proseWords: count, answered };
}

/** {@link answerProse} for a section without `Answer:`, `text[start, end)`: its unquoted lines (the prompt is quoted). */
function ownProse(text: string, start: number, end: number): { proseWords: number; answered: boolean } {
  const ownText = text
    .slice(start, end)
    .split('\n')
    .filter((line) => !/^[ \t]*>/.test(line))
    .join('\n');
  const answeredText = withoutTemplateMarks(ownText);
  return { proseWords: countWordsIn(proseOf(answeredText)), answered: hasPythonWord(answeredText) };
}

/** Lines of an answer's region with the template's placeholder, and lines still carrying its `---` markers. */
function templateLines(
  region: string,
  regionStart: number,
  pointAt: (offset: number) => Point,
  placeholders: number[],
  verbatim: (line: number) => boolean,
): { placeholderLines: number[]; markerLines: number[] } {
  const placeholderLines: number[] = [];
  // Both need a `---`: most answers have none and are not matched.
  if (!region.includes('---')) return { placeholderLines, markerLines: [] };
  for (let i = 0; i < placeholders.length; i += 2)
    placeholderLines.push(pointAt(regionStart + (placeholders[i] as number)).line);
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
        const number = pointAt(regionStart + lineStart).line;
        if (!verbatim(number)) markerLines.push(number);
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
  verbatim: (line: number) => boolean = () => false,
): QuestionSection {
  // Almost every section has one `Answer:`: a literal of it holds one number, where a first push grew the list
  // to 17.
  const at = text.indexOf(ANSWER, heading.end);
  const markers: number[] = at !== -1 && at < end ? [at + ANSWER.length] : [];
  for (let next = at === -1 ? -1 : text.indexOf(ANSWER, at + 1); next !== -1 && next < end;) {
    markers.push(next + ANSWER.length);
    next = text.indexOf(ANSWER, next + 1);
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
  const words = same ? same.words : answer ? countWordsIn(text, answer.start, answer.end) : 0;
  // Matched once for the prose and the lines that hold them; both need a `---`.
  const placeholders = region.includes('---') ? matchSpans(region, PLACEHOLDER) : [];
  const { proseWords, answered } =
    answer && first !== undefined
      ? answerProse(text, region, first, end, answer, words, placeholders)
      : ownProse(text, heading.end, end);
  const { placeholderLines, markerLines } = templateLines(
    region,
    first ?? end,
    pointAt,
    placeholders,
    verbatim,
  );
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
    cutByHeading: null,
    answered,
  };
}
