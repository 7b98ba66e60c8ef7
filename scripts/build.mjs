// Bundles the action entry and the CLI entry with esbuild into dist/ (committed; CI rebuilds and diffs it).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { bundleOptions } from './bundle-options.mjs';

await build({ ...bundleOptions, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
// The CLI is CommonJS: node starts a CommonJS entry without its ESM loader, which is most of the difference
// between an ESM bundle's cold start and bare node's. (The action stays ESM: @actions/* are ESM-only.)
await build({
  ...bundleOptions,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  minify: true,
  banner: { js: '#!/usr/bin/env node' },
});
await chmod('dist/cli.cjs', 0o755);
