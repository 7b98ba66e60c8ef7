import type { ErrorObject } from 'ajv';
import { plural } from '../plural.js';
import type { Range } from '../result.js';

/** "100–200", "exactly 1", "at least 50": a range as a student reads it. */
export function describeRange(range: Range): string {
  if (range.min === range.max) return `exactly ${range.min}`;
  if (range.max === Number.POSITIVE_INFINITY) return `at least ${range.min}`;
  if (range.min <= 0) return `at most ${range.max}`;
  return `${range.min}–${range.max}`;
}

/** The one-sentence message for a count outside its range, saying how much to add or cut. */
export function rangeMessage(
  question: number,
  kind: 'words' | 'images',
  actual: number,
  range: Range,
): string {
  const noun = kind === 'words' ? 'word' : 'image';
  const has = actual === 0 && kind === 'images' ? 'no images' : plural(actual, noun);
  const needs = `it needs ${describeRange(range)} ${range.max === 1 ? noun : kind}`;
  if (actual < range.min) {
    const hint = kind === 'images' ? ' as ![caption](figures/name.png)' : '';
    return `Question ${question} has ${has}; ${needs}, so add at least ${range.min - actual}${hint}.`;
  }
  const cut = actual - range.max;
  return `Question ${question} has ${has}; ${needs}, so ${kind === 'words' ? 'cut' : 'remove'} at least ${cut}.`;
}

/** What an ajv error says about one question's count: question, kind, and the range the schema sets. */
export interface RangeViolation {
  question: number;
  kind: 'words' | 'images';
  actual: number;
  range: Range;
}

const QUESTIONS = '/questions/';

/** Where the digits of an instance path `/questions/N...` end (N of ASCII digits), or -1 for any other path. */
function questionDigitsEnd(path: string): number {
  if (!path.startsWith(QUESTIONS)) return -1;
  let end = QUESTIONS.length;
  while (end < path.length && path.charCodeAt(end) >= 0x30 && path.charCodeAt(end) <= 0x39) end++;
  return end === QUESTIONS.length ? -1 : end;
}

/**
 * The question an instance path `/questions/N...` is about, or null, read by hand: a pattern's first match
 * compiles it, about 0.1 ms of a cold check that reads a schema error.
 */
export function questionOfPath(path: string): number | null {
  const end = questionDigitsEnd(path);
  return end === -1 ? null : Number(path.slice(QUESTIONS.length, end));
}

/** The question and count of an instance path `/questions/N/words` or `/questions/N/images`. */
function countPlace(path: string): { question: number; kind: 'words' | 'images' } | null {
  const end = questionDigitsEnd(path);
  if (end === -1) return null;
  const kind = path.slice(end + 1);
  if (path.charCodeAt(end) !== 0x2f || (kind !== 'words' && kind !== 'images')) return null;
  return { question: Number(path.slice(QUESTIONS.length, end)), kind };
}

/**
 * Reads a `minimum`/`maximum` error at `/questions/N/words|images` as a range violation, with both bounds taken
 * from the failing schema (ajv's `verbose` mode), so the message can state the whole range.
 */
export function toRangeViolation(error: ErrorObject): RangeViolation | null {
  if (error.keyword !== 'minimum' && error.keyword !== 'maximum') return null;
  const place = countPlace(error.instancePath);
  if (!place || typeof error.data !== 'number') return null;
  const schema = (error.parentSchema ?? {}) as { minimum?: unknown; maximum?: unknown };
  return {
    question: place.question,
    kind: place.kind,
    actual: error.data,
    range: {
      min: typeof schema.minimum === 'number' ? schema.minimum : 0,
      max: typeof schema.maximum === 'number' ? schema.maximum : Number.POSITIVE_INFINITY,
    },
  };
}
