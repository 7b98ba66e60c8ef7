import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema2023 from '../../schema/dtu-mlops-2023.json' with { type: 'json' };
import schema2024 from '../../schema/dtu-mlops-2024.json' with { type: 'json' };
import schema2025 from '../../schema/dtu-mlops-2025.json' with { type: 'json' };
import schema2026 from '../../schema/dtu-mlops-2026.json' with { type: 'json' };
import type { Edition } from '../result.js';
import { AJV_OPTIONS } from './ajv-options.js';

/** The built-in constraints schemas, one per edition. */
export const BUILTIN_SCHEMAS: Record<Edition, object> = {
  '2023': schema2023,
  '2024': schema2024,
  '2025': schema2025,
  '2026': schema2026,
};

/**
 * Compiles an edition's built-in validator. The bundles replace this module with validators precompiled by
 * ajv's standalone code generator (scripts/build.mjs), so a cold CLI start does not pay for compiling schemas.
 */
export function builtinValidator(edition: Edition): ValidateFunction {
  return new Ajv2020(AJV_OPTIONS).compile(BUILTIN_SCHEMAS[edition]);
}
