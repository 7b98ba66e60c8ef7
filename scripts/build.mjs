// Bundles the action entry and the CLI entry with esbuild into dist/ (committed; CI rebuilds and diffs it).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { bundleOptions } from './bundle-options.mjs';

await build({ ...bundleOptions, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({
  ...bundleOptions,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  minify: true,
  banner: { js: `#!/usr/bin/env node\n${bundleOptions.banner.js}` },
});
await chmod('dist/cli.js', 0o755);
