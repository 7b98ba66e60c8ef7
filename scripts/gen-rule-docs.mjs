#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule of the registry (src/rules/index.ts) and the README's rule table
// between <!-- rules:start --> and <!-- rules:end -->.
//
//   node scripts/gen-rule-docs.mjs           rewrite the pages and the table
//   node scripts/gen-rule-docs.mjs --check   change nothing; exit 1 naming each file that differs (CI)
//
// The registry is bundled from src/ with esbuild, as the corpus run does, so the docs are made from the source.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

const out = mkdtempSync(join(tmpdir(), 'rule-docs-'));
let registry;
try {
  await build({
    ...bundleOptions,
    stdin: {
      contents: "export { RULES } from './src/rules/index.ts'; export * from './src/rules/docs.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    outfile: join(out, 'registry.mjs'),
  });
  registry = await import(pathToFileURL(join(out, 'registry.mjs')).href);
} finally {
  rmSync(out, { recursive: true, force: true });
}
const { RULES, rulePage, ruleTable, withRuleTable } = registry;

/** Every generated file, by path from the repository root, with the text it must have. */
const wanted = new Map(RULES.map((rule) => [`docs/rules/${rule.id}.md`, rulePage(rule)]));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
wanted.set('README.md', withRuleTable(readme, ruleTable(RULES)));

const stale = [...wanted].filter(([path, text]) => {
  const file = join(root, path);
  return !existsSync(file) || readFileSync(file, 'utf8') !== text;
});
const docs = join(root, 'docs/rules');
const extra = existsSync(docs)
  ? readdirSync(docs)
      .filter((name) => name.endsWith('.md') && !wanted.has(`docs/rules/${name}`))
      .map((name) => `docs/rules/${name}`)
  : [];

if (check) {
  for (const [path] of stale)
    console.error(`${path}: out of date with src/rules/; run node scripts/gen-rule-docs.mjs`);
  for (const path of extra) console.error(`${path}: no rule has this id; remove it`);
  process.exit(stale.length + extra.length === 0 ? 0 : 1);
}
mkdirSync(docs, { recursive: true });
for (const [path, text] of stale) writeFileSync(join(root, path), text);
for (const path of extra) rmSync(join(root, path));
console.log(
  `rule docs: ${stale.length} written, ${extra.length} removed, ${wanted.size - stale.length} unchanged`,
);
