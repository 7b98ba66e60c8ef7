import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Edition } from '../result.js';
import { BUILTIN_SCHEMAS, builtinValidator } from './builtin-validators.js';
import { extractRanges, type QuestionRanges } from './schema-ranges.js';

export type { QuestionRanges };

/** A compiled constraints schema: the validator plus the ranges it declares per question. */
export interface Constraints {
  /** `2023` … `2026` for a built-in schema, else the file it came from. */
  source: string;
  validate: ValidateFunction;
  ranges: Map<number, QuestionRanges>;
}

const compiled = new Map<string, Constraints>();

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

/** The ajv errors of validating `document` against `constraints`. */
export function validateDocument(constraints: Constraints, document: unknown): ErrorObject[] {
  return constraints.validate(document) ? [] : [...(constraints.validate.errors ?? [])];
}
