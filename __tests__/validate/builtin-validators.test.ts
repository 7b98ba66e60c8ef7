import { Ajv2020 } from 'ajv/dist/2020.js';
import { AJV_OPTIONS } from '../../src/validate/ajv-options.js';
import { BUILTIN_SCHEMAS, builtinValidator } from '../../src/validate/builtin-validators.js';
import type { Edition } from '../../src/result.js';

const EDITIONS = Object.keys(BUILTIN_SCHEMAS) as Edition[];

/** A small seeded generator (mulberry32): the same documents on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A count as a document may hold one: around the built-in bounds, and the values a count never is. */
function count(next: () => number): unknown {
  const odd = [Number.NaN, Infinity, -Infinity, -1, 0.5, '150', null, [], {}, true];
  if (next() < 0.1) return odd[Math.floor(next() * odd.length)];
  return [0, 1, 2, 3, 4, 49, 50, 51, 99, 100, 101, 199, 200, 201, 299, 300, 301, 1000][
    Math.floor(next() * 18)
  ];
}

function document(next: () => number): unknown {
  const questions: Record<string, unknown> = {};
  for (let n = 0; n <= 33; n++) {
    const roll = next();
    if (roll < 0.15) continue;
    if (roll < 0.18) questions[String(n)] = [null, 'x', 3, []][Math.floor(next() * 4)];
    else {
      const entry: Record<string, unknown> = { answered: next() < 0.9 };
      if (next() < 0.9) entry.words = count(next);
      if (next() < 0.8) entry.images = count(next);
      questions[String(n)] = entry;
    }
  }
  return { edition: '2026', answerCount: 31, questions };
}

describe('builtinValidator', () => {
  // The check reads ajv's errors (src/rules/constraint-errors.ts, src/validate/ranges.ts): the built-in
  // validator must give the very errors ajv gives for the same schema, in the same order.
  it.each(EDITIONS)('should give the errors ajv gives for the %s schema, on many documents', (edition) => {
    const ajv = new Ajv2020(AJV_OPTIONS).compile(BUILTIN_SCHEMAS[edition]);
    const ours = builtinValidator(edition);
    const next = random(Number(edition));
    const odd = [null, 'text', 3, [], { questions: null }, { questions: [] }, { questions: 'x' }, {}];
    let broken = 0;
    for (const data of [...odd, ...Array.from({ length: 2000 }, () => document(next))]) {
      const valid = ajv(data);
      expect(ours(data)).toBe(valid);
      expect(ours.errors).toEqual(ajv.errors);
      if (!valid) broken++;
    }
    // Most documents break some range: the comparison saw errors, not only valid documents.
    expect(broken).toBeGreaterThan(1500);
  });

  it('should name the schema node that sets the broken range, as ajv does in verbose mode', () => {
    const validate = builtinValidator('2026');
    expect(validate({ questions: { '19': { images: 0 } } })).toBe(false);
    const schema = BUILTIN_SCHEMAS['2026'] as {
      properties: { questions: { properties: Record<string, { properties: { images: object } }> } };
    };
    expect(validate.errors?.[0]?.parentSchema).toBe(
      schema.properties.questions.properties['19']?.properties.images,
    );
    expect(validate({ questions: { '19': { images: 1 } } })).toBe(true);
    expect(validate.errors).toBeNull();
  });

  // builtinValidator reads minimum and maximum of words and images only: any other keyword in a built-in
  // schema would go unchecked (the ajv comparison above covers only what the documents exercise).
  it.each(EDITIONS)('should find in the %s schema no keyword it does not read', (edition) => {
    const annotations = ['$schema', '$id', 'title', 'description'];
    const keys = (node: unknown, allowed: string[]) => {
      expect(node).toEqual(expect.any(Object));
      for (const key of Object.keys(node as object))
        if (!annotations.includes(key)) expect(allowed).toContain(key);
      return node as Record<string, unknown>;
    };
    const root = keys(BUILTIN_SCHEMAS[edition], ['type', 'properties']);
    expect(root.type).toBe('object');
    const questions = keys(keys(root.properties, ['questions']).questions, ['type', 'properties']);
    expect(questions.type).toBe('object');
    for (const [question, node] of Object.entries(
      keys(questions.properties, Object.keys(questions.properties as object)),
    )) {
      expect(question).toMatch(/^\d+$/);
      for (const range of Object.values(keys(keys(node, ['properties']).properties, ['words', 'images'])))
        for (const limit of Object.values(keys(range, ['minimum', 'maximum'])))
          expect(typeof limit).toBe('number');
    }
  });
});
