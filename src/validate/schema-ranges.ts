import type { Range } from '../result.js';

/** The ranges a constraints schema sets on one question (read from its `minimum`/`maximum`), for messages and tables. */
export interface QuestionRanges {
  words: Range | null;
  images: Range | null;
}

function rangeOf(node: unknown): Range | null {
  if (!node || typeof node !== 'object') return null;
  const { minimum, maximum } = node as { minimum?: unknown; maximum?: unknown };
  if (typeof minimum !== 'number' && typeof maximum !== 'number') return null;
  return {
    min: typeof minimum === 'number' ? minimum : 0,
    max: typeof maximum === 'number' ? maximum : Number.POSITIVE_INFINITY,
  };
}

/** Reads `properties.questions.properties.N.properties.{words,images}` ranges out of a schema. */
export function extractRanges(schema: object): Map<number, QuestionRanges> {
  const ranges = new Map<number, QuestionRanges>();
  const questions = (schema as { properties?: { questions?: { properties?: Record<string, unknown> } } })
    .properties?.questions?.properties;
  for (const [key, value] of Object.entries(questions ?? {})) {
    const number = Number(key);
    if (!Number.isInteger(number)) continue;
    const props = (value as { properties?: Record<string, unknown> } | null)?.properties ?? {};
    ranges.set(number, { words: rangeOf(props.words), images: rangeOf(props.images) });
  }
  return ranges;
}
