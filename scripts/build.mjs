// Bundles the action entry and the CLI entry with esbuild into dist/ (committed; CI rebuilds and diffs it).
import { build } from 'esbuild';
import { chmod, writeFile } from 'node:fs/promises';
import { bundleOptions } from './bundle-options.mjs';

await build({ ...bundleOptions, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
// The CLI is CommonJS: node starts a CommonJS entry without its ESM loader. Its cold start is what a student
// waits for at every commit (pre-commit hook), so the bundle a plain check loads is kept small: the HTML renderer
// and the custom-schema compiler (ajv, jsonc-parser) are bundles of their own, loaded only by `html` and
// `--schema`. dist/cli.cjs itself only turns on node's compile cache (node 22.1+) before loading the CLI.
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/html\.js$/ }, () => ({ path: './html.cjs', external: true }));
    build.onResolve({ filter: /^\.\.\/cohort\/main\.js$/ }, () => ({ path: './cohort.cjs', external: true }));
    build.onResolve({ filter: /^\.\/validate\/custom-schema\.js$/ }, () => ({
      path: './custom-schema.cjs',
      external: true,
    }));
  },
};
const cjs = { ...bundleOptions, format: 'cjs', minify: true, banner: {} };
await build({
  ...cjs,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli-main.cjs',
  plugins: [lazyChunks, ...cjs.plugins],
});
await build({ ...cjs, entryPoints: ['src/html.ts'], outfile: 'dist/html.cjs' });
await build({ ...cjs, entryPoints: ['src/validate/custom-schema.ts'], outfile: 'dist/custom-schema.cjs' });
// `report-check cohort`: the GitHub client, the table formats and the progress bar, loaded only by that command.
await build({ ...cjs, entryPoints: ['src/cohort/main.ts'], outfile: 'dist/cohort.cjs' });
await writeFile(
  'dist/cli.cjs',
  "#!/usr/bin/env node\n'use strict';\nrequire('node:module').enableCompileCache?.();\nrequire('./cli-main.cjs');\n",
);
await chmod('dist/cli.cjs', 0o755);
