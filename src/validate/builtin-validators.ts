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

/** A question's `words` or `images` schema: the range it sets. */
interface RangeSchema {
  minimum?: number;
  maximum?: number;
}

/**
 * The shape every built-in schema has (a unit test holds them to it): an object whose `questions` object sets
 * ranges on question N's `words` and `images`, and nothing else but annotations.
 */
interface EditionSchema {
  properties: { questions: { properties: Record<string, { properties: Record<string, RangeSchema> }> } };
}

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

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

/** The error ajv reports for a count beyond a `maximum` or short of a `minimum` (verbose: with its schema). */
function rangeError(
  question: string,
  kind: string,
  keyword: 'maximum' | 'minimum',
  range: RangeSchema,
  data: number,
): ErrorObject {
  const limit = range[keyword];
  const comparison = keyword === 'maximum' ? '<=' : '>=';
  return {
    instancePath: `/questions/${question}/${kind}`,
    schemaPath: `#/properties/questions/properties/${question}/properties/${kind}/${keyword}`,
    keyword,
    params: { comparison, limit },
    message: `must be ${comparison} ${limit}`,
    schema: limit,
    parentSchema: range,
    data,
  };
}

/**
 * The validator of a schema of the built-in editions' shape ({@link EditionSchema}). It gives the errors ajv gives
 * with AJV_OPTIONS (every error, verbose) in ajv's order: the questions and their `words`/`images` in the schema's
 * order, `maximum` before `minimum`, NaN breaking both (a unit test holds it to ajv's on many documents). A check
 * validates one document against one edition, and ajv's precompiled validator was a chunk of its own, about 0.4 ms
 * of a cold check on Node 24 to load; this one reads the schema as it validates, and nothing beforehand.
 */
function rangeValidator(schema: object): DocumentValidator {
  const questions = (schema as EditionSchema).properties.questions;
  // Each question's `words`/`images` ranges in schema order, listed at the first validation: a run over many
  // reports validates against the same schema each time.
  let ranges: Array<{ question: string; kind: string; range: RangeSchema }> | undefined;
  const validate: DocumentValidator = (data) => {
    const errors: ErrorObject[] = [];
    if (!isObject(data)) errors.push(typeError('', '#/type', schema, data));
    else if (data.questions !== undefined) {
      const answers = data.questions;
      if (!isObject(answers))
        errors.push(typeError('/questions', '#/properties/questions/type', questions, answers));
      else {
        ranges ??= Object.entries(questions.properties).flatMap(([question, { properties }]) =>
          Object.entries(properties).map(([kind, range]) => ({ question, kind, range })),
        );
        for (const { question, kind, range } of ranges) {
          const entry = answers[question];
          const value = isObject(entry) ? entry[kind] : undefined;
          if (typeof value !== 'number') continue;
          const nan = Number.isNaN(value);
          if (range.maximum !== undefined && (value > range.maximum || nan))
            errors.push(rangeError(question, kind, 'maximum', range, value));
          if (range.minimum !== undefined && (value < range.minimum || nan))
            errors.push(rangeError(question, kind, 'minimum', range, value));
        }
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
