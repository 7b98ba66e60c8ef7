import type { ErrorObject } from 'ajv';
import schema2023 from '../../schema/dtu-mlops-2023.json' with { type: 'json' };
import schema2024 from '../../schema/dtu-mlops-2024.json' with { type: 'json' };
import schema2025 from '../../schema/dtu-mlops-2025.json' with { type: 'json' };
import schema2026 from '../../schema/dtu-mlops-2026.json' with { type: 'json' };
import type { Edition } from '../result.js';

/** The built-in constraints schemas, one per edition. */
export const BUILTIN_SCHEMAS: Record<Edition, object> = {
  '2023': schema2023,
  '2024': schema2024,
  '2025': schema2025,
  '2026': schema2026,
};

/** What a check asks of a validator: ajv's ValidateFunction is one, and so is {@link builtinValidator}'s. */
export interface DocumentValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** One `minimum`/`maximum` of a question's `words` or `images`, with what ajv's error names it by. */
interface Bound {
  question: string;
  kind: string;
  keyword: 'maximum' | 'minimum';
  limit: number;
  /** The `words`/`images` schema that sets it: ajv's `parentSchema` in verbose mode. */
  parent: object;
}

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Keys a built-in schema may hold besides the ones {@link rangeValidator} reads: annotations ajv ignores. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description']);

function only(node: unknown, keys: readonly string[], where: string): Node {
  if (!isObject(node)) throw new Error(`${where}: not an object`);
  for (const key of Object.keys(node))
    if (!keys.includes(key) && !ANNOTATIONS.has(key)) throw new Error(`${where}: unsupported keyword ${key}`);
  return node;
}

/** The error ajv reports for a `type: object` that `data` is not. */
function typeError(
  instancePath: string,
  schemaPath: string,
  parentSchema: object,
  data: unknown,
): ErrorObject {
  return {
    instancePath,
    schemaPath,
    keyword: 'type',
    params: { type: 'object' },
    message: 'must be object',
    schema: 'object',
    parentSchema,
    data,
  };
}

/** Each `minimum`/`maximum` of `questions`' `properties`, in ajv's order; throws on anything else. */
function readBounds(questions: Node): Bound[] {
  const bounds: Bound[] = [];
  if (!isObject(questions.properties)) throw new Error('questions.properties: not an object');
  for (const [question, node] of Object.entries(questions.properties)) {
    if (!/^\d+$/.test(question)) throw new Error(`questions.properties: unsupported question ${question}`);
    const where = `question ${question}`;
    const kinds = only(only(node, ['properties'], where).properties, ['words', 'images'], where);
    for (const [kind, range] of Object.entries(kinds)) {
      const parent = only(range, ['minimum', 'maximum'], `${where} ${kind}`);
      for (const keyword of ['maximum', 'minimum'] as const) {
        const limit = parent[keyword];
        if (limit === undefined) continue;
        if (typeof limit !== 'number') throw new Error(`${where} ${kind}: ${keyword} must be a number`);
        bounds.push({ question, kind, keyword, limit, parent });
      }
    }
  }
  return bounds;
}

/**
 * A validator for a schema of the built-in editions' shape: an object whose `questions` object sets `minimum` and
 * `maximum` on question N's `words` and `images`. It gives the errors ajv gives with AJV_OPTIONS (every error,
 * verbose) in ajv's order: the questions and their `words`/`images` in the schema's order, `maximum` before
 * `minimum`, NaN breaking both (a unit test holds it to ajv's on many documents). A check validates one document
 * against one edition, and ajv's precompiled validator was a chunk of its own, about 0.4 ms of a cold check on
 * Node 24 to load; this one is made from the schema in microseconds. A schema of any other shape throws.
 */
export function rangeValidator(schema: object): DocumentValidator {
  const root = only(schema, ['type', 'properties'], 'schema');
  const questions = only(
    only(root.properties, ['questions'], 'properties').questions,
    ['type', 'properties'],
    'questions',
  );
  if (root.type !== 'object' || questions.type !== 'object') throw new Error('schema: type must be object');
  const bounds = readBounds(questions);

  const validate: DocumentValidator = (data) => {
    const errors: ErrorObject[] = [];
    if (!isObject(data)) errors.push(typeError('', '#/type', root, data));
    else if (data.questions !== undefined) {
      const answers = data.questions;
      if (!isObject(answers))
        errors.push(typeError('/questions', '#/properties/questions/type', questions, answers));
      else
        for (const { question, kind, keyword, limit, parent } of bounds) {
          const entry = answers[question];
          const value = isObject(entry) ? entry[kind] : undefined;
          if (typeof value !== 'number') continue;
          const broken = keyword === 'maximum' ? value > limit : value < limit;
          if (!broken && !Number.isNaN(value)) continue;
          const comparison = keyword === 'maximum' ? '<=' : '>=';
          errors.push({
            instancePath: `/questions/${question}/${kind}`,
            schemaPath: `#/properties/questions/properties/${question}/properties/${kind}/${keyword}`,
            keyword,
            params: { comparison, limit },
            message: `must be ${comparison} ${limit}`,
            schema: limit,
            parentSchema: parent,
            data: value,
          });
        }
    }
    validate.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  };
  return validate;
}

/** The validator of an edition's built-in schema ({@link rangeValidator}); custom schemas go through ajv. */
export function builtinValidator(edition: Edition): DocumentValidator {
  return rangeValidator(BUILTIN_SCHEMAS[edition]);
}
