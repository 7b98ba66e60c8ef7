// A TypeScript module of src/, bundled with esbuild and imported from memory: the build scripts read the source's
// own tables and functions (the GitHub answer schemas, the edition line hashes) instead of a copy of them.
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';

/** The module at `entry` (a path), bundled with its imports, as `import()` gives it. */
export async function importBundled(entry) {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}
