// The bundles' validators of GitHub's answers (src/github/answer-validators.ts), precompiled by ajv's standalone
// code generator. The source module compiles the same schemas with the same options at run time (tests use it).
// The editions' constraints need no ajv: src/validate/builtin-validators.ts reads their ranges itself.
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';

const root = fileURLToPath(new URL('..', import.meta.url));
/** As ANSWER_AJV_OPTIONS in src/github/answer-validators.ts (a unit test holds them equal). */
export const ANSWER_AJV_OPTIONS = { strict: false };
/** The answers only a pull request with more than one page of threads, comments or reviews reads. */
export const PAGE_ANSWERS = ['threadsPage', 'commentsPage', 'reviewsPage'];

/** ANSWER_SCHEMAS of src/github/answer-schemas.ts, bundled on its own and imported from memory. */
async function answerSchemas() {
  const { outputFiles } = await build({
    entryPoints: [`${root}src/github/answer-schemas.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`;
  return (await import(url)).ANSWER_SCHEMAS;
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

const ANSWERS = /src[\\/]github[\\/]answer-validators\.ts$/;

/** Every validator inside the bundle (the bench, the corpus run, the markdownlint rule). */
export const precompiled = {
  name: 'precompiled-validators',
  setup(build) {
    build.onLoad({ filter: ANSWERS }, async () => ({
      contents: await answersSource(),
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * The GitHub answers of further pages in `answer-pages.cjs`, required on first use: most pull requests have one
 * page of each. Chunks: {@link precompiledChunks}.
 */
export const precompiledLazy = {
  name: 'precompiled-lazy',
  setup(build) {
    build.onResolve({ filter: /^\.\/answer-pages\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onLoad({ filter: ANSWERS }, async () => {
      const eager = Object.keys(await answerSchemas()).filter((name) => !PAGE_ANSWERS.includes(name));
      const rest = " ?? (pages ??= require('./answer-pages.cjs')).answerValidator(name)";
      return { contents: `let pages;\n${await answersSource(eager, rest)}`, loader: 'js', resolveDir: root };
    });
  },
};

/** The chunks {@link precompiledLazy} requires: file name and ESM source. */
export async function precompiledChunks() {
  return [{ chunk: 'answer-pages.cjs', contents: await answersSource(PAGE_ANSWERS) }];
}
