// Bundles the action entry and the CLI entry with esbuild into dist/ (committed; CI rebuilds and diffs it).
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // @actions/http-client pulls CommonJS code that calls require("net"); an ESM bundle needs a real require.
  banner: {
    js: "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);",
  },
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  minify: true,
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
await chmod('dist/cli.js', 0o755);
