/** Types of scripts/bundle-options.mjs, for the tests that hold its ajv options equal to the source's. */
export const AJV_OPTIONS: Readonly<Record<string, unknown>>;
export const ANSWER_AJV_OPTIONS: Readonly<Record<string, unknown>>;
export const bundleOptions: Readonly<Record<string, unknown>>;
