// Bundles the action entry and the CLI entry with esbuild into dist/ (committed; CI rebuilds and diffs it).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle-options.mjs';
import { precompiledChunks, precompiledInline, precompiledLazy } from './precompiled.mjs';

/**
 * Code that most runs never call ships as CommonJS chunks beside the bundles, required on first use: loading a
 * bundle costs about 1 ms per 20 KB before anything runs (Node 20, no compile cache), and the action starts cold
 * on every job. Each entry: the import it replaces (a bare package, or a source file by path), the chunk, and
 * the exports the stand-in forwards (functions are called through, classes constructed through).
 *   - markdown.cjs: micromark, only for the few answer blocks the line scan cannot read itself;
 *   - custom-schema.cjs: ajv's compiler and a JSON parser, only for a custom schema (`--schema`, input `schema`);
 *   - html.cjs: the HTML renderer, only for `report-check html`;
 *   - cohort.cjs: the GitHub client, the table formats and the progress bar, only for `report-check cohort`;
 *   - octokit.cjs: the action's GitHub client (Octokit, its plugins, @actions/github, node's http, https, tls
 *     and net through @actions/http-client), loaded once the inputs and the event are read;
 *   - exec.cjs: @actions/exec and @actions/io, which @actions/core loads to name the OS (never asked here);
 *   - oidc.cjs: @actions/core's OIDC client (and its copy of @actions/http-client), never called by the action.
 * `statics` are classes used only through static methods, forwarded through a Proxy.
 */
const LAZY = {
  markdown: {
    filter: /^mdast-util-from-markdown$/,
    chunk: 'markdown.cjs',
    entry: 'scripts/chunks/markdown.mjs',
    functions: ['fromMarkdown'],
  },
  customSchema: {
    filter: /[\\/]validate[\\/]custom-schema\.js$/,
    chunk: 'custom-schema.cjs',
    entry: 'src/validate/custom-schema.ts',
    functions: ['loadConstraints'],
  },
  html: { filter: /^\.\.\/html\.js$/, chunk: 'html.cjs', entry: 'src/html.ts', functions: ['renderHtml'] },
  cohort: {
    filter: /^\.\.\/cohort\/main\.js$/,
    chunk: 'cohort.cjs',
    entry: 'src/cohort/main.ts',
    functions: ['runCohortCommand'],
  },
  // --fix and --fix-dry-run, with the diff library: a plain check does not load them.
  fix: {
    filter: /^\.\/fix-command\.js$/,
    chunk: 'fix.cjs',
    entry: 'src/cli/fix-command.ts',
    functions: ['runFixes'],
  },
  octokit: {
    filter: /^\.\/github\/octokit\.js$/,
    chunk: 'octokit.cjs',
    entry: 'src/github/octokit.ts',
    functions: ['createOctokitPort'],
  },
  // @actions/core asks the OS's name and version through @actions/exec (and @actions/io) only when asked.
  exec: {
    filter: /^@actions\/exec$/,
    chunk: 'exec.cjs',
    entry: 'node_modules/@actions/exec/lib/exec.js',
    functions: ['exec', 'getExecOutput'],
  },
  oidc: {
    filter: /^\.\/oidc-utils\.js$/,
    chunk: 'oidc.cjs',
    entry: 'node_modules/@actions/core/lib/oidc-utils.js',
    functions: [],
    statics: ['OidcClient'],
  },
};

/** A stand-in module for a lazy chunk: same exports, the chunk required on first use. */
function standIn({ chunk, functions, classes = [], statics = [] }) {
  const lines = [`let chunk;`, `const load = () => (chunk ??= require('./${chunk}'));`];
  for (const name of functions)
    lines.push(`export function ${name}(...args) { return load().${name}(...args); }`);
  for (const name of classes)
    lines.push(`export class ${name} { constructor(...args) { return new (load().${name})(...args); } }`);
  for (const name of statics)
    lines.push(`export const ${name} = new Proxy({}, { get: (_, key) => load().${name}[key] });`);
  return lines.join('\n');
}

/**
 * undici (400 KB) in no bundle: every request goes through src/github/http-fetch.ts, over node:http. What
 * @actions/github and @actions/http-client take from it is still asked for: behind a proxy, @actions/github
 * builds a ProxyAgent and a fetch around it as it loads (its `defaults`, which client.ts overrides). The stand-in
 * ProxyAgent holds nothing; its fetch is node's own, and refuses a dispatcher it could not honour.
 */
const undiciStandIn = {
  name: 'undici-stand-in',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'undici-stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'undici-stand-in' }, () => ({
      contents: [
        'export class ProxyAgent {}',
        'export function fetch(url, options) {',
        "  if (options?.dispatcher) throw new Error('report-check sends its requests through node:http, not undici');",
        '  return globalThis.fetch(url, options);',
        '}',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/** Replaces the imports named in `lazy` by stand-ins that require their chunk from dist/ on first use. */
function lazyChunks(lazy) {
  return {
    name: 'lazy-chunks',
    setup(build) {
      for (const [name, spec] of Object.entries(lazy)) {
        build.onResolve({ filter: spec.filter }, () => ({ path: name, namespace: 'lazy-chunk' }));
      }
      build.onResolve({ filter: /^\.\/[\w-]+\.cjs$/ }, (args) =>
        args.namespace === 'lazy-chunk' ? { path: args.path, external: true } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
        contents: standIn(lazy[args.path]),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

/**
 * Turns the ESM bundle's imports of node's modules into `require()` calls. Node 24 builds an ES module facade
 * for a built-in by reading every export, and `node:http`'s exports include lazy getters that load node's own
 * undici: `import * as http from 'http'` (as @actions/http-client writes it) costs about 40 ms more than
 * `require('http')`.
 */
const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(build) {
    const names = builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|');
    build.onResolve({ filter: new RegExp(`^(node:)?(${names})$`) }, (args) =>
      args.namespace === 'builtin-require' ? undefined : { path: args.path, namespace: 'builtin-require' },
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/**
 * Node modules a bundle requires on first call instead of at load, each with the functions and classes it uses. The CLI: node:child_process (git, for the image checks in a work tree) and node:tty (only
 * when stdout is a character device, see src/cli.ts) load node:net, node:dgram and node:stream with them, about
 * half of what loading the CLI costs over a bare node; node:os (about 0.25 ms) only to count the CPUs for a run over
 * several reports; node:worker_threads (about 1.7 ms to load on Node 20) only
 * for a run over many reports (src/cli/threads.ts). The action: node:crypto, for @actions/core's delimiter of a
 * multi-line output.
 */
const CLI_BUILTINS = {
  child_process: { functions: ['spawnSync'] },
  tty: { functions: ['isatty'] },
  os: { functions: ['availableParallelism'] },
  worker_threads: { functions: ['receiveMessageOnPort'], classes: ['MessageChannel', 'Worker'] },
};
const ACTION_BUILTINS = { crypto: { functions: ['randomUUID'] } };

/**
 * The CLI reads only `version` of package.json (src/cli.ts), but a default import of a JSON file bundles all of
 * it as one object literal, which cost about 0.1 ms of every start (Node 24) to create.
 */
const packageVersionOnly = {
  name: 'package-version-only',
  setup(build) {
    const path = fileURLToPath(new URL('../package.json', import.meta.url));
    build.onLoad({ filter: /[\\/]package\.json$/ }, async (args) =>
      args.path === path
        ? {
            contents: JSON.stringify({ version: JSON.parse(await readFile(path, 'utf8')).version }),
            loader: 'json',
          }
        : undefined,
    );
  },
};

function lazyBuiltins(builtins) {
  return {
    name: 'lazy-builtins',
    setup(build) {
      for (const [bare, { functions, classes = [] }] of Object.entries(builtins)) {
        const name = `node:${bare}`;
        const filter = new RegExp(`^(node:)?${bare}$`);
        // The stand-in's own require() is node's module.
        build.onResolve({ filter }, (args) =>
          args.namespace === 'lazy-builtin'
            ? { path: name, external: true }
            : { path: name, namespace: 'lazy-builtin' },
        );
        const module = `require(${JSON.stringify(name)})`;
        const lines = [
          ...functions.map((fn) => `export function ${fn}(...args) { return ${module}.${fn}(...args); }`),
          ...classes.map(
            (cls) =>
              `export class ${cls} { constructor(...args) { return new (${module}.${cls})(...args); } }`,
          ),
        ];
        build.onLoad({ filter, namespace: 'lazy-builtin' }, () => ({
          contents: lines.join('\n'),
          loader: 'js',
        }));
      }
    },
  };
}

const { markdown, customSchema, html, cohort, fix, octokit, oidc, exec } = LAZY;
const cjs = { ...bundleOptions, format: 'cjs', minify: true, banner: {} };
await build({
  ...bundleOptions,
  minify: true,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  plugins: [
    lazyChunks({ markdown, customSchema, octokit, oidc, exec }),
    undiciStandIn,
    precompiledLazy,
    lazyBuiltins(ACTION_BUILTINS),
    builtinsAsRequire,
    ...bundleOptions.plugins,
  ],
});
// The CLI is CommonJS: node starts a CommonJS entry without its ESM loader. Its cold start is what a student
// waits for at every commit (pre-commit hook), so the bundle a plain check loads is kept small: each edition's
// validators are a module that runs on its first require, inside the bundle (a chunk of its own, as in the action,
// cost a file, a cache and a Script more). dist/cli.cjs loads the bundle and every chunk it requires with V8's code
// cache (src/cli-launcher.ts), on every node.
await build({
  ...cjs,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli-main.cjs',
  plugins: [
    lazyChunks({ markdown, customSchema, html, cohort, fix }),
    precompiledInline,
    lazyBuiltins(CLI_BUILTINS),
    packageVersionOnly,
    ...cjs.plugins,
  ],
});
// The markdownlint custom rule (`report-check/markdownlint`): one self-contained file, no lazy chunks, since
// markdownlint-cli2 and VS Code's markdownlint extension load it on their own; module.exports is the rule itself.
await build({
  ...cjs,
  entryPoints: ['src/markdownlint.ts'],
  outfile: 'dist/markdownlint.cjs',
  footer: { js: 'module.exports = module.exports.default;' },
});
for (const { entry, chunk } of [markdown, customSchema, html, fix, exec])
  await build({ ...cjs, entryPoints: [entry], outfile: `dist/${chunk}` });
await build({
  ...cjs,
  entryPoints: [cohort.entry],
  outfile: `dist/${cohort.chunk}`,
  plugins: [undiciStandIn, ...cjs.plugins],
});
// The GitHub client keeps further pages' answer validators in their chunks.
for (const { entry, chunk } of [octokit, oidc])
  await build({
    ...cjs,
    entryPoints: [entry],
    outfile: `dist/${chunk}`,
    plugins: [undiciStandIn, precompiledLazy, ...cjs.plugins],
  });
// One edition's validator (for the action), or the GitHub answers of further pages (scripts/precompiled.mjs).
for (const { chunk, contents } of await precompiledChunks())
  await build({ ...cjs, stdin: { contents, resolveDir: process.cwd() }, outfile: `dist/${chunk}` });
// The action's entry runs before its inputs are read; node's network modules come with the GitHub client's chunk
// (octokit.cjs) and cost 15-20 ms at load on Node 24: an import that pulls them into the entry fails the build.
const actionEntry = await readFile('dist/index.js', 'utf8');
const network = /"(?:node:)?(?:http|https|net|tls|zlib)"/.exec(actionEntry);
if (network)
  throw new Error(`dist/index.js loads ${network[0]} at start: it belongs to dist/${octokit.chunk}`);
// dist/cli.cjs loads dist/cli-main.cjs and its chunks through V8's code cache (src/cli-launcher.ts), keyed by content.
const contentHash = async (file) =>
  createHash('sha256')
    .update(await readFile(`dist/${file}`))
    .digest('hex')
    .slice(0, 16);
const bundleHash = await contentHash('cli-main.cjs');
const cliChunks = [markdown, customSchema, html, cohort, fix].map(({ chunk }) => chunk);
// The launcher runs a chunk through node:vm, where a dynamic import() throws: none may hold one.
for (const chunk of ['cli-main.cjs', ...cliChunks])
  if ((await readFile(`dist/${chunk}`, 'utf8')).includes('import('))
    throw new Error(
      `dist/${chunk} holds a dynamic import(), which dist/cli.cjs cannot run (src/cli-launcher.ts)`,
    );
const chunkHashes = Object.fromEntries(
  await Promise.all(cliChunks.map(async (chunk) => [chunk, await contentHash(chunk)])),
);
await build({
  ...cjs,
  minify: false,
  // node:os only for a home folder that $HOME does not name (src/cli-launcher.ts).
  plugins: [lazyBuiltins({ os: { functions: ['homedir'] } })],
  entryPoints: ['src/cli-launcher.ts'],
  outfile: 'dist/cli.cjs',
  define: { BUNDLE_HASH: JSON.stringify(bundleHash), CHUNK_HASHES: JSON.stringify(chunkHashes) },
  banner: { js: '#!/usr/bin/env node' },
});
await chmod('dist/cli.cjs', 0o755);
