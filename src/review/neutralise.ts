/**
 * Student text made safe to post: every comment body quotes the report, and nothing the student writes may reach
 * a comment as markup, a ping, or a marker a later run would read as ours.
 */

const ZWJ = '\u200d';

/** Escapes HTML and breaks `@mentions` in plain (non-code) markdown text. */
function neutralisePlain(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A zero-width joiner after "@" keeps the text readable but stops GitHub from pinging anyone.
      .replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
      // Markdown links and images in a message would render (a tracking pixel, a disguised link): show them as text.
      .replace(/([[\]])/g, '\\$1')
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
  const clean = breakComments(text.replace(/\r?\n/g, ' '));
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
