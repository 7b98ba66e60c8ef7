// The bundles' validators, precompiled by ajv's standalone code generator: the constraints schema of each
// edition (src/validate/builtin-validators.ts) and the shape of each GitHub answer (src/github/answer-validators.ts).
// The source modules compile the same schemas with the same options at run time (tests use them).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { importBundled } from './import-bundled.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const EDITIONS = ['2023', '2024', '2025', '2026'];
/** As AJV_OPTIONS in src/validate/ajv-options.ts (a unit test holds them equal). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false };
/** As ANSWER_AJV_OPTIONS in src/github/answer-validators.ts (a unit test holds them equal). */
export const ANSWER_AJV_OPTIONS = { strict: false };
/** The answers only a pull request with more than one page of threads, comments or reviews reads. */
export const PAGE_ANSWERS = ['threadsPage', 'commentsPage', 'reviewsPage'];

/** ESM source: `builtinValidator(edition)` and `BUILTIN_SCHEMAS` for `editions`. */
export async function validatorsSource(editions) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const schemas = {};
  for (const edition of editions) {
    schemas[edition] = JSON.parse(await readFile(`${root}schema/dtu-mlops-${edition}.json`, 'utf8'));
    ajv.addSchema(schemas[edition], `edition${edition}`);
  }
  const refs = Object.fromEntries(editions.map((edition) => [`validate${edition}`, `edition${edition}`]));
  return [
    standaloneCode(ajv, refs),
    `export const BUILTIN_SCHEMAS = ${JSON.stringify(schemas)};`,
    `const validators = { ${editions.map((edition) => `'${edition}': validate${edition}`).join(', ')} };`,
    'export function builtinValidator(edition) { return validators[edition]; }',
  ].join('\n');
}

/** ANSWER_SCHEMAS of src/github/answer-schemas.ts, bundled on its own and imported from memory. */
async function answerSchemas() {
  return (await importBundled(`${root}src/github/answer-schemas.ts`)).ANSWER_SCHEMAS;
}

/** ESM source: `answerValidator(name)` for the answers `names` (all when omitted); `rest`, for the others. */
export async function answersSource(names, rest = '') {
  const schemas = await answerSchemas();
  const ajv = new Ajv2020({ ...ANSWER_AJV_OPTIONS, code: { source: true, esm: true } });
  const own = names ?? Object.keys(schemas);
  for (const name of own) ajv.addSchema(schemas[name], name);
  return [
    standaloneCode(ajv, Object.fromEntries(own.map((name) => [`answer_${name}`, name]))),
    `const validators = { ${own.map((name) => `${name}: answer_${name}`).join(', ')} };`,
    `export function answerValidator(name) { return validators[name]${rest}; }`,
  ].join('\n');
}

const VALIDATORS = /src[\\/]validate[\\/]builtin-validators\.ts$/;
const ANSWERS = /src[\\/]github[\\/]answer-validators\.ts$/;

/** Every validator inside the bundle (the bench, the corpus run, the markdownlint rule). */
export const precompiled = {
  name: 'precompiled-validators',
  setup(build) {
    build.onLoad({ filter: VALIDATORS }, async () => ({
      contents: await validatorsSource(EDITIONS),
      loader: 'js',
      resolveDir: root,
    }));
    build.onLoad({ filter: ANSWERS }, async () => ({
      contents: await answersSource(),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * Each edition's validator and schema in its own chunk beside the bundle (`validators-<edition>.cjs`), and the
 * GitHub answers of further pages in `answer-pages.cjs`, each required on first use: a check needs one edition,
 * and most pull requests have one page of each. Chunks: {@link precompiledChunks}.
 */
export const precompiledLazy = lazyValidators({ inlineEditions: false });

/**
 * {@link precompiledLazy} for the CLI: each edition's validator and schema are modules of the bundle itself, which
 * esbuild runs on their first require, like a chunk, but without a file of their own to read and compile (about
 * 0.4 ms of a cold check on Node 24); the code cache keeps the compiled code of the edition a check used.
 */
export const precompiledInline = lazyValidators({ inlineEditions: true });

function lazyValidators({ inlineEditions }) {
  return {
    name: inlineEditions ? 'precompiled-inline' : 'precompiled-lazy',
    setup(build) {
      if (inlineEditions) {
        build.onResolve({ filter: /^\.\/validators-\d{4}\.cjs$/ }, (args) => ({
          path: args.path.slice(2, -4),
          namespace: 'precompiled-edition',
        }));
        build.onLoad({ filter: /.*/, namespace: 'precompiled-edition' }, async (args) => ({
          contents: await validatorsSource([args.path.slice('validators-'.length)]),
          loader: 'js',
          resolveDir: root,
        }));
      }
      build.onResolve({ filter: /^\.\/(validators-\d{4}|answer-pages)\.cjs$/ }, (args) => ({
        path: args.path,
        external: true,
      }));
      build.onLoad({ filter: VALIDATORS }, () => {
        const chunk = (edition) =>
          `(chunks[${JSON.stringify(edition)}] ??= require('./validators-${edition}.cjs'))`;
        const lines = [
          'const chunks = {};',
          'export const BUILTIN_SCHEMAS = {',
          ...EDITIONS.map(
            (edition) => `  get '${edition}'() { return ${chunk(edition)}.BUILTIN_SCHEMAS['${edition}']; },`,
          ),
          '};',
          'const load = {',
          ...EDITIONS.map((edition) => `  '${edition}': () => ${chunk(edition)},`),
          '};',
          'export function builtinValidator(edition) { return load[edition]().builtinValidator(edition); }',
        ];
        return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
      });
      build.onLoad({ filter: ANSWERS }, async () => {
        const eager = Object.keys(await answerSchemas()).filter((name) => !PAGE_ANSWERS.includes(name));
        const rest = " ?? (pages ??= require('./answer-pages.cjs')).answerValidator(name)";
        return {
          contents: `let pages;\n${await answersSource(eager, rest)}`,
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/** The chunks {@link precompiledLazy} requires: file name and ESM source. */
export async function precompiledChunks() {
  const chunks = [{ chunk: 'answer-pages.cjs', contents: await answersSource(PAGE_ANSWERS) }];
  for (const edition of EDITIONS)
    chunks.push({ chunk: `validators-${edition}.cjs`, contents: await validatorsSource([edition]) });
  return chunks;
}
