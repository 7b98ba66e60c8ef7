/** Types of scripts/bundle-options.mjs, for the test that holds its ajv options equal to the source's. */
export const ANSWER_AJV_OPTIONS: Readonly<Record<string, unknown>>;
export const bundleOptions: Readonly<Record<string, unknown>>;
