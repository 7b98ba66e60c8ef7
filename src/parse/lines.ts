import type { Point } from './model.js';

/**
 * Scratch for {@link lineStarts}: the offsets are found in one pass of `indexOf` into it, then copied out. Two
 * passes (count, then fill) cost twice the search, and pushing a million offsets onto an array three times as
 * much as the copy. Kept between calls, so most reports find it large enough; one grown past
 * {@link KEPT_SCRATCH} for an outsized input is let go, since an editor's process (the markdownlint rule) lives on.
 */
const INITIAL_SCRATCH = 4096;
const KEPT_SCRATCH = 64 * 1024;
let scratch = new Int32Array(INITIAL_SCRATCH);

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (count === scratch.length) {
      const grown = new Int32Array(count * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[count++] = i + 1;
  }
  const starts = new Array<number>(count);
  starts[0] = 0;
  for (let line = 1; line < count; line++) starts[line] = scratch[line] as number;
  if (scratch.length > KEPT_SCRATCH) scratch = new Int32Array(INITIAL_SCRATCH);
  return starts;
}

export function makePointAt(starts: number[]): (offset: number) => Point {
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** The offset where line `i` ends (its `\n`, or the end of the text), from the text's {@link lineStarts}. */
export function lineEndAt(text: string, starts: readonly number[], i: number): number {
  return i + 1 < starts.length ? (starts[i + 1] ?? 0) - 1 : text.length;
}

/** The offset where the line starting at `start` ends (its `\n`, or the end of the text). */
export function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** How many `>` quote markers open a line. */
export function quoteDepth(line: string): number {
  let i = 0;
  while (i < 3 && (line[i] === ' ' || line[i] === '\t')) i++;
  let depth = 0;
  while (line[i] === '>') {
    depth++;
    i++;
    if (line[i] === ' ' || line[i] === '\t') i++;
  }
  return depth;
}

/** A fence line: blanks and quote markers, then three or more backticks or tildes (the run is group 1). */
export const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/** Whether `text[start, end)` starts with what {@link FENCE} needs after its `[ \t>]*`: a backtick or tilde. */
export function mayBeFence(text: string, start: number, end: number): boolean {
  let i = start;
  let c = text.charCodeAt(i);
  while (i < end && (c === 0x20 || c === 0x09 || c === 0x3e)) c = text.charCodeAt(++i);
  return i < end && (c === 0x60 || c === 0x7e);
}
