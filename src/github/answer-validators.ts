import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ANSWER_SCHEMAS, type AnswerName } from './answer-schemas.js';

/** As the bundles compile them (scripts/bundle-options.mjs); a unit test holds them equal. */
export const ANSWER_AJV_OPTIONS = { strict: false };

const compiled: Partial<Record<AnswerName, ValidateFunction>> = {};

/**
 * The validator of one GitHub answer, compiled on first use. The bundles replace this module with validators
 * precompiled by ajv's standalone code generator: ajv's compiler is a tenth of the action bundle, and loading it
 * on every run cost more than the checks it served.
 */
export function answerValidator(name: AnswerName): ValidateFunction {
  return (compiled[name] ??= new Ajv2020(ANSWER_AJV_OPTIONS).compile(ANSWER_SCHEMAS[name]));
}
