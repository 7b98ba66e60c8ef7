// The esbuild options every bundle of report-check uses: dist/ (scripts/build.mjs), the bench and the corpus run,
// so that what is measured and tested is what ships.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const EDITIONS = ['2023', '2024', '2025', '2026'];
/** As AJV_OPTIONS in src/validate/ajv-options.ts (a unit test holds them equal). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false };

/**
 * Replaces src/validate/builtin-validators.ts with the same exports, but with each edition's validator
 * precompiled by ajv's standalone code generator: compiling four schemas at start-up costs more than node's own
 * start. The source module compiles the same schemas with the same options at run time (tests use that).
 */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(build) {
    build.onLoad({ filter: /src[\\/]validate[\\/]builtin-validators\.ts$/ }, async () => {
      const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
      const schemas = {};
      for (const edition of EDITIONS) {
        schemas[edition] = JSON.parse(await readFile(`${root}schema/dtu-mlops-${edition}.json`, 'utf8'));
        ajv.addSchema(schemas[edition], `edition${edition}`);
      }
      const refs = Object.fromEntries(EDITIONS.map((edition) => [`validate${edition}`, `edition${edition}`]));
      const contents = [
        standaloneCode(ajv, refs),
        `export const BUILTIN_SCHEMAS = ${JSON.stringify(schemas)};`,
        `const validators = { ${EDITIONS.map((edition) => `'${edition}': validate${edition}`).join(', ')} };`,
        'export function builtinValidator(edition) { return validators[edition]; }',
      ].join('\n');
      return { contents, loader: 'js', resolveDir: root };
    });
  },
};

/** Options for an ESM bundle for Node 20+ (entry points and output are the caller's). */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [precompiledValidators],
  // Prefer a package's ESM build: jsonc-parser's "main" is a UMD file whose relative require()s esbuild leaves
  // unbundled, so the bundle would crash looking for ./impl/format beside dist/.
  mainFields: ['module', 'main'],
  // @actions/http-client pulls CommonJS code that calls require("net"); an ESM bundle needs a real require.
  banner: {
    js: "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);",
  },
};
