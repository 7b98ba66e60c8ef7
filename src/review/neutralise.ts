/**
 * Student text made safe to post: every comment body quotes the report, and nothing the student writes may reach
 * a comment as markup, a ping, or a marker a later run would read as ours.
 */

const ZWJ = '\u200d';

// Characters that must not reach a comment raw: C0/C1 controls and every line terminator (a line break would let
// the text start a heading, a list or a table), the line and paragraph separators, and the bidirectional
// overrides, embeddings, isolates and marks of "Trojan Source" tricks. Shown as `\u{..}` instead.
// eslint-disable-next-line no-control-regex
const UNSHOWN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` on one line: each control, line terminator, separator or bidi control written as `\u{hhhh}`. */
export function showUnprintable(text: string): string {
  return text.replace(UNSHOWN, (char) => `\\u{${char.charCodeAt(0).toString(16).padStart(4, '0')}}`);
}

/**
 * Escapes HTML, markdown punctuation and GitHub's autolinks in plain (non-code) markdown text: `@mentions`,
 * `#123` references and `http://`/`www.` links are broken with a zero-width joiner, which keeps them readable.
 */
function neutralisePlain(text: string): string {
  return (
    showUnprintable(text)
      // First, so that a student's backslash cannot cancel one of the escapes below.
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A zero-width joiner after "@" keeps the text readable but stops GitHub from pinging anyone.
      .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
      // Markdown links and images in a message would render (a tracking pixel, a disguised link): show them as text.
      .replace(/([[\]])/g, '\\$1')
      // Emphasis, strikethrough and table cell delimiters.
      .replace(/([*~|])/g, '\\$1')
      // An underscore inside a word cannot open or close emphasis (CommonMark), so `file_name.png` stays as is.
      .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
      .replace(/#(?=\d)/g, `#${ZWJ}`)
      .replace(/(https?|ftp)(?=:\/\/)/gi, `$1${ZWJ}`)
      .replace(/(www)(?=\.)/gi, `$1${ZWJ}`)
  );
}

/**
 * Breaks HTML comment delimiters with a zero-width joiner: GitHub shows code verbatim, so `<!--` or `-->` in an
 * echoed code span would otherwise stand in our comment's raw body, where a reader of markers could see them.
 */
function breakComments(text: string): string {
  return text.replace(/<!/g, `<${ZWJ}!`).replace(/--(?=!?>)/g, `--${ZWJ}`);
}

/** A code span holding `text` (HTML comment delimiters broken), fenced with more backticks than any run inside. */
export function codeSpan(text: string): string {
  const clean = breakComments(showUnprintable(text.replace(/\r?\n/g, ' ')));
  const fence = '`'.repeat(longestRun(clean, '`') + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fenced code block holding `text` (HTML comment delimiters broken), with a fence longer than any backtick run. */
export function codeBlock(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}text\n${breakComments(text).replace(/\n$/, '')}\n${fence}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Makes text that may quote the student's report safe to post: HTML escaped, `@mentions` (also spelled as
 * `&#64;` entities) broken, link syntax shown as text. Code spans in the text stay code spans, re-fenced so
 * that backticks inside cannot close them early; an unclosed backtick is kept as a literal.
 */
export function neutralise(text: string): string {
  const closing = closingRuns(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('`', i);
    if (open === -1) break;
    let runEnd = open;
    while (text[runEnd] === '`') runEnd++;
    const close = closing.get(open) ?? -1;
    if (close === -1) {
      out += neutralisePlain(text.slice(i, runEnd)).replace(/`/g, '\\`');
      i = runEnd;
      continue;
    }
    out += neutralisePlain(text.slice(i, open));
    out += codeSpan(text.slice(runEnd, close).replace(/^ (.*) $/s, '$1'));
    i = close + (runEnd - open);
  }
  return out + neutralisePlain(text.slice(i));
}

/**
 * For each backtick run, where the next run of the same length starts (the run that closes it as a code span),
 * found in one pass from the end: looking ahead from every unclosed run would be quadratic.
 */
function closingRuns(text: string): Map<number, number> {
  const runs: [number, number][] = [];
  for (let at = text.indexOf('`'); at !== -1;) {
    let end = at;
    while (text[end] === '`') end++;
    runs.push([at, end - at]);
    at = text.indexOf('`', end);
  }
  const next = new Map<number, number>();
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const [at, length] = runs[r] as [number, number];
    next.set(at, nextOfLength.get(length) ?? -1);
    nextOfLength.set(length, at);
  }
  return next;
}
