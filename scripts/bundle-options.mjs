// The esbuild options every bundle of report-check uses: dist/ (scripts/build.mjs), the bench and the corpus run,
// so that what is measured and tested is what ships.
import { precompiled } from './precompiled.mjs';

export { AJV_OPTIONS, ANSWER_AJV_OPTIONS } from './precompiled.mjs';

/**
 * @actions/github's GitHub class adds octokit.rest, a table of every REST endpoint (83 KB). src/github/client.ts
 * builds its client on plain Octokit (octokit.request and octokit.graphql only), but importing
 * @actions/github/lib/utils still builds that class: the table is replaced by a plugin that adds nothing.
 */
const noRestEndpointTable = {
  name: 'no-rest-endpoint-table',
  setup(build) {
    build.onResolve({ filter: /^@octokit\/plugin-rest-endpoint-methods$/ }, () => ({
      path: 'rest-endpoint-methods',
      namespace: 'no-rest-endpoint-table',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-rest-endpoint-table' }, () => ({
      contents: 'export function restEndpointMethods() { return {}; }',
      loader: 'js',
    }));
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
  plugins: [precompiled, noRestEndpointTable],
  // Prefer a package's ESM build: jsonc-parser's "main" is a UMD file whose relative require()s esbuild leaves
  // unbundled, so the bundle would crash looking for ./impl/format beside dist/.
  mainFields: ['module', 'main'],
  // @actions/http-client pulls CommonJS code that calls require("net"); an ESM bundle needs a real require.
  banner: {
    js: "import { createRequire as __rcCreateRequire } from 'node:module'; const require = __rcCreateRequire(import.meta.url);",
  },
};
