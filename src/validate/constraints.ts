import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse as parseJson, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { RunError } from '../errors.js';
import type { Edition, Range } from '../result.js';
import { AJV_OPTIONS, BUILTIN_SCHEMAS, builtinValidator } from './builtin-validators.js';

/** The ranges a constraints schema sets on one question (read from its `minimum`/`maximum`), for messages and tables. */
export interface QuestionRanges {
  words: Range | null;
  images: Range | null;
}

/** A compiled constraints schema: the validator plus the ranges it declares per question. */
export interface Constraints {
  /** `2023` … `2026` for a built-in schema, else the file it came from. */
  source: string;
  validate: ValidateFunction;
  ranges: Map<number, QuestionRanges>;
}

let ajv: Ajv2020 | null = null;
const compiled = new Map<string, Constraints>();

function getAjv(): Ajv2020 {
  // allErrors: a student wants every broken range at once; verbose: errors carry the schema that failed.
  ajv ??= new Ajv2020(AJV_OPTIONS);
  return ajv;
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
function extractRanges(schema: object): Map<number, QuestionRanges> {
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

function compile(schema: object, source: string): Constraints {
  let validate: ValidateFunction;
  try {
    validate = getAjv().compile(schema);
  } catch (error) {
    throw new RunError(
      `${source}: not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    // A custom schema may reuse the $id of a built-in or of an earlier file; keep ajv's registry empty.
    if (typeof (schema as { $id?: unknown }).$id === 'string')
      getAjv().removeSchema((schema as { $id: string }).$id);
  }
  return { source, validate, ranges: extractRanges(schema) };
}

/** The built-in constraints of an edition, compiled once per process. */
export function builtinConstraints(edition: Edition): Constraints {
  let constraints = compiled.get(edition);
  if (!constraints) {
    constraints = {
      source: edition,
      validate: builtinValidator(edition),
      ranges: extractRanges(BUILTIN_SCHEMAS[edition]),
    };
    compiled.set(edition, constraints);
  }
  return constraints;
}

/** Line and column (1-based) of a character offset in `text`. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Parses and compiles a custom constraints schema. Throws a {@link RunError} naming `source` and, for invalid
 * JSON, the line and column, or what makes it an invalid schema.
 */
export function loadConstraints(text: string, source: string): Constraints {
  // jsonc-parser reports where JSON breaks on every Node version (JSON.parse's messages often carry no position).
  const errors: ParseError[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const schema: unknown = parseJson(body, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) {
    throw new RunError(
      `${source}: invalid JSON at ${lineColumn(body, first.offset)}: ${describeJsonError(first.error)}`,
    );
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new RunError(`${source}: a constraints schema must be a JSON object`);
  }
  return compile(schema, source);
}

/** `CommaExpected` → "comma expected". */
function describeJsonError(code: ParseErrorCode): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The ajv errors of validating `document` against `constraints`. */
export function validateDocument(constraints: Constraints, document: unknown): ErrorObject[] {
  return constraints.validate(document) ? [] : [...(constraints.validate.errors ?? [])];
}
