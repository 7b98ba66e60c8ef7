#!/usr/bin/env node
// Differential test of `report-check cohort` against the course's grading scraper: for every corpus report (and both
// sides of every before/after pair), the scraper's num_warnings is the number of stderr lines containing WARNING
// that the newest real checker (checkers/2026/report.py) prints, 0 when it crashes. report-check's
// `scraper.numWarnings` must equal it. Runs the built dist/cli.cjs (npm run bundle first). Ends "N passed, N failed".
//   node scripts/cohort-differential.mjs [--corpus ../shared/corpus] [--python /usr/bin/python3]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const corpus = resolve(option('--corpus', join(root, '..', 'shared', 'corpus')));
const python = option('--python', '/usr/bin/python3');
const checker = join(corpus, 'checkers', '2026', 'report.py');
const cli = join(root, 'dist', 'cli.cjs');

if (!existsSync(checker) || !existsSync(cli)) {
  console.log(`missing ${existsSync(checker) ? cli : checker}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const reports = [];
for (const name of readdirSync(join(corpus, 'reports')).sort()) {
  const file = join(corpus, 'reports', name, 'README.md');
  if (existsSync(file)) reports.push(file);
}
const pairs = join(corpus, 'pairs');
if (existsSync(pairs)) {
  for (const name of readdirSync(pairs).sort()) {
    for (const side of ['base.md', 'head.md']) {
      const file = join(pairs, name, side);
      if (existsSync(file)) reports.push(file);
    }
  }
}

/** What the scraper records: stderr lines with WARNING from the real checker run in a folder holding README.md. */
function scraperCount(file) {
  return new Promise((done) => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-diff-'));
    copyFileSync(file, join(dir, 'README.md'));
    const child = spawn(python, [checker, 'check'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      const warnings = stderr.split('\n').filter((line) => line.includes('WARNING')).length;
      done({ warnings, crashed: code !== 0 });
    });
  });
}

const truth = new Array(reports.length);
let next = 0;
await Promise.all(
  Array.from({ length: Math.max(1, availableParallelism()) }, async () => {
    while (next < reports.length) {
      const index = next++;
      truth[index] = await scraperCount(reports[index]);
    }
  }),
);

const run = spawnSync(process.execPath, [cli, 'cohort', '--format', 'json', ...reports], {
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
let document;
try {
  document = JSON.parse(run.stdout);
} catch {
  console.log(`report-check cohort printed no JSON (exit ${run.status}): ${run.stderr.split('\n')[0]}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const bySource = new Map(document.groups.map((group) => [resolve(group.source), group]));

let passed = 0;
let failed = 0;
let crashes = 0;
let warned = 0;
for (const [index, file] of reports.entries()) {
  const { warnings, crashed } = truth[index];
  if (crashed) crashes += 1;
  if (warnings > 0) warned += 1;
  const group = bySource.get(file);
  const ours = group?.scraper?.numWarnings;
  const oursCrash = group?.scraper?.outcome === 'crash';
  if (ours === warnings && oursCrash === crashed) {
    passed += 1;
  } else {
    failed += 1;
    console.log(
      `MISMATCH ${file.slice(corpus.length + 1)}: report.py 2026 prints ${warnings} WARNING line(s)${crashed ? ' and crashes' : ''}; ` +
        `report-check says ${group ? `${ours}${oursCrash ? ' (crash)' : ''}` : `no row (${group?.error ?? 'missing'})`}`,
    );
  }
}
console.log(
  `cohort differential: ${reports.length} reports through the 2026 report.py (${warned} print warnings, ${crashes} crash and are recorded as 0)`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
