/** Ajv options shared by the built-in validators and custom schemas (scripts/bundle-options.mjs precompiles with them). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;
