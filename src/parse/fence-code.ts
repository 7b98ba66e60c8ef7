// Fenced code cut out of an answer's text in linear time, for the prose word count. It replaces the pattern
// /^[ \t>]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t>]*\1[ \t]*$|(?![\s\S]))/gm, whose backtracking on a run of
// backticks with no newline after it was quadratic. Like that pattern (flag `m`), a line starts after `\n`,
// U+2028 or U+2029 (the text has no `\r` left), and the opening line runs to the next `\n`.

const isTerminator = (c: string | undefined): boolean => c === '\n' || c === '\u2028' || c === '\u2029';

/**
 * Index just past the next line terminator at or after `from`, or -1. With `newlinesOnly` (the text has no line
 * terminator but `\n`), found with `indexOf`, not read character by character (which, interpreted on a cold
 * start, cost more than the rest of the answer's prose).
 */
function nextLineStart(text: string, from: number, newlinesOnly: boolean): number {
  if (newlinesOnly) {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? -1 : newline + 1;
  }
  for (let i = from; i < text.length; i++) if (isTerminator(text[i])) return i + 1;
  return -1;
}

/** Index of the line end (terminator or end of text) at or after `from`; `newlinesOnly` as for nextLineStart. */
function lineEndAt(text: string, from: number, newlinesOnly: boolean): number {
  if (newlinesOnly) {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? text.length : newline;
  }
  let i = from;
  while (i < text.length && !isTerminator(text[i])) i++;
  return i;
}

function skipPrefix(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text[i] === ' ' || text[i] === '\t' || text[i] === '>')) i++;
  return i;
}

/** The fence run (three or more backticks or tildes, all of it) opening the line at `start`, or null. */
function openingRun(text: string, start: number, end: number): string | null {
  const at = skipPrefix(text, start, end);
  const c = text[at];
  if (c !== '`' && c !== '~') return null;
  let i = at;
  while (i < end && text[i] === c) i++;
  return i - at >= 3 ? text.slice(at, i) : null;
}

/** Whether the line `[start, end)` is `[ \t>]*` + exactly `run` + `[ \t]*`. */
function closes(text: string, start: number, end: number, run: string): boolean {
  const at = skipPrefix(text, start, end);
  if (!text.startsWith(run, at)) return false;
  for (let i = at + run.length; i < end; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** Where the fence opened at line `start` ends: its closing line's end, or the end of the text. */
function fenceEnd(text: string, bodyStart: number, run: string, newlinesOnly: boolean): number {
  for (let s = bodyStart; s !== -1 && s <= text.length; s = nextLineStart(text, s, newlinesOnly)) {
    const e = lineEndAt(text, s, newlinesOnly);
    if (closes(text, s, e, run)) return e;
  }
  return text.length;
}

/** `text` with each fenced code block (opening line to closing line, or to the end) replaced by a space. */
export function withoutFences(text: string): string {
  // A fence needs a run of three: most answers have none, and their lines need not be walked.
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const newlinesOnly = !text.includes('\u2028') && !text.includes('\u2029');
  let out = '';
  let kept = 0;
  for (let start = 0; start !== -1 && start < text.length;) {
    const run = openingRun(text, start, lineEndAt(text, start, newlinesOnly));
    if (run === null) {
      start = nextLineStart(text, start, newlinesOnly);
      continue;
    }
    const newline = text.indexOf('\n', start);
    // No `\n` after this line: none after any later one either.
    if (newline === -1) break;
    const end = fenceEnd(text, newline + 1, run, newlinesOnly);
    out += `${text.slice(kept, start)} `;
    kept = end;
    start = end < text.length ? end + 1 : -1;
  }
  return out + text.slice(kept);
}
