// The two hashes edition.ts files template lines by, apart from it: scripts/gen-edition-prompts.mjs bundles this
// file to compute the generated table's slots with this same code, so it must not import the table.

/** JavaScript's `\s` (and `trim`'s set): what normalising a line turns into one space or drops at the ends. */
export function isJsSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0xa0 && isWideJsSpace(c));
}

function isWideJsSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The size of edition.ts's hash tables of template lines. */
export const SLOTS = 1 << 12;

/** A line's slot in edition.ts's table of lines as they stand: from its length and first, middle and last characters. */
export function exactSlot(source: string, start: number, length: number): number {
  let hash = Math.imul(length, 31) + source.charCodeAt(start);
  hash = Math.imul(hash, 31) + source.charCodeAt(start + (length >> 1));
  hash = Math.imul(hash, 31) + source.charCodeAt(start + length - 1);
  return hash & (SLOTS - 1);
}

/**
 * A line's slot in edition.ts's table of the lines that tell editions apart: from the first four and last two
 * characters it has once normalised (runs of `\s` made one space, trimmed), read from `source[from, to)`, which
 * must be trimmed already.
 */
export function edgeSlot(source: string, from: number, to: number): number {
  const hash = hashEnd(source, from, to, 1, 4, 31, 0);
  return hashEnd(source, to - 1, from - 1, -1, 2, 37, hash) & (SLOTS - 1);
}

/**
 * `hash` taken on by the first `count` characters met from `start` towards `stop` (exclusive) in steps of `step`,
 * once normalised: a run of spaces between them counts as one space.
 */
function hashEnd(
  source: string,
  start: number,
  stop: number,
  step: 1 | -1,
  count: number,
  factor: number,
  hash: number,
): number {
  let space = false;
  for (let i = start, kept = 0; i !== stop && kept < count; i += step) {
    const c = source.charCodeAt(i);
    if (isJsSpace(c)) space = true;
    else {
      if (space) {
        hash = Math.imul(hash, factor) + 0x20;
        kept++;
        space = false;
        if (kept === count) break;
      }
      hash = Math.imul(hash, factor) + c;
      kept++;
    }
  }
  return hash;
}
