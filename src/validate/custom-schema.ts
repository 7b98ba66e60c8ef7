import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse as parseJson, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { RunError } from '../errors.js';
import { AJV_OPTIONS } from './ajv-options.js';
import type { Constraints } from './constraints.js';
import { extractRanges } from './schema-ranges.js';

// Kept apart from constraints.ts: the built-in schemas ship precompiled, so only a custom schema needs ajv's
// compiler and a JSON parser, and the CLI loads this module only for `--schema`.

let ajv: Ajv2020 | null = null;

function getAjv(): Ajv2020 {
  // allErrors: a student wants every broken range at once; verbose: errors carry the schema that failed.
  ajv ??= new Ajv2020(AJV_OPTIONS);
  return ajv;
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
  // A schema that refers to itself without end (`{"allOf": [{"$ref": "#"}]}`) compiles, then overflows the
  // stack on every report: tried once here on a report's shape, it stops the run before any report, named.
  try {
    validate({ edition: '2026', answerCount: 1, questions: { 1: { words: 0, images: 0, answered: false } } });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RunError(
      `${source}: the schema refers to itself without end ($ref), so no report can be checked against it`,
    );
  }
  return { source, validate, ranges: extractRanges(schema) };
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
  try {
    return readConstraints(text, source);
  } catch (error) {
    // Nesting deeper than the stack (100,000 `[`) in the JSON or the schema: say so, and which file.
    if (error instanceof RangeError) throw new RunError(`${source}: nested too deeply to read as a schema`);
    throw error;
  }
}

function readConstraints(text: string, source: string): Constraints {
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
