/** Types of scripts/adversarial.mjs, for the tests that feed its shapes to the engine. */
export const ADVERSARIAL_SHAPES: Readonly<Record<string, (bytes: number) => string>>;
export const ADVERSARIAL_LINES: Readonly<Record<string, (length: number) => string>>;
