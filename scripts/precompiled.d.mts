/** Types of scripts/precompiled.mjs, for the test that holds the bundles' answer validators to the source's. */
export function answersSource(names?: string[], rest?: string): Promise<string>;
