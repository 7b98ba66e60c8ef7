#!/usr/bin/env node
// `npm run bench`: how fast report-check is, in figures.
//   1. throughput: reports per second through checkReport in one warm process, over every report in
//      ../shared/corpus/reports/*/README.md (target >= 100);
//   2. cold start: `node dist/cli.cjs REPORT` against bare `node -e 0`, median of COLD_RUNS each (target < 1.5x),
//      with this Node and, when installed, the pinned Node 24 of .ci/node24;
//   3. round trips: the action's GitHub API cost under fakegh, from acceptance/bench-roundtrips.mjs when present;
//   4. cohort: `node dist/cli.cjs cohort` over 200 repositories of a local fake GitHub REST API answering each
//      request after 100 ms (target < 30 s; the fake is __tests__/support/fake-github-rest.ts).
// Parts whose inputs are missing (no ../shared corpus, no dist/cli.cjs) print why and are skipped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = join(root, '..', 'shared', 'corpus', 'reports');
const cli = join(root, 'dist', 'cli.cjs');
const roundTrips = join(root, 'acceptance', 'bench-roundtrips.mjs');
const node24 = join(root, '.ci', 'node24', 'node_modules', '.bin', 'node');

const THROUGHPUT_TARGET = 100;
const COHORT_REPOSITORIES = 200;
const COHORT_LATENCY_MS = 100;
const COHORT_TARGET_S = 30;
const COLD_TARGET = 1.5;
const COLD_RUNS = 15;
/** Timed passes over the corpus continue until this much time has gone by (after one warm-up pass). */
const MIN_TIMED_MS = 2000;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function loadCorpus() {
  return readdirSync(corpus, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(corpus, entry.name, 'README.md')))
    .map((entry) => {
      const dir = join(corpus, entry.name);
      const meta = existsSync(join(dir, 'meta.json'))
        ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))
        : {};
      const files = existsSync(join(dir, 'files.txt'))
        ? readFileSync(join(dir, 'files.txt'), 'utf8').split('\n').filter(Boolean)
        : null;
      return {
        name: entry.name,
        path: meta.path ?? 'reports/README.md',
        content: readFileSync(join(dir, 'README.md')),
        files,
      };
    });
}

/** Bundles the engine's front door into a temporary ESM file, as the CLI bundle does, and imports it. */
async function loadEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-bench-'));
  const outfile = join(dir, 'engine.mjs');
  try {
    await build({ ...bundleOptions, entryPoints: [join(root, 'src', 'check.ts')], outfile });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchThroughput(reports) {
  const { checkReport } = await loadEngine();
  const checkAll = () => {
    let failures = 0;
    for (const report of reports) {
      try {
        checkReport({ path: report.path, content: report.content, files: report.files });
      } catch {
        failures += 1;
      }
    }
    return failures;
  };
  const coldStart = performance.now();
  const failures = checkAll();
  const firstPassMs = performance.now() - coldStart;
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_TIMED_MS) {
    checkAll();
    passes += 1;
  }
  const elapsed = performance.now() - start;
  const perSecond = (reports.length * passes) / (elapsed / 1000);
  const verdict = perSecond >= THROUGHPUT_TARGET ? 'ok' : 'BELOW TARGET';
  console.log(
    `throughput: ${perSecond.toFixed(0)} reports/s in one process (${reports.length} reports x ${passes} passes ` +
      `in ${(elapsed / 1000).toFixed(1)} s; first pass ${((reports.length / firstPassMs) * 1000).toFixed(0)} reports/s) ` +
      `- target >= ${THROUGHPUT_TARGET}: ${verdict}`,
  );
  if (failures > 0) console.log(`  note: checkReport threw on ${failures} of ${reports.length} reports`);
}

function time(command, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: run.status, stderr: String(run.stderr ?? '') };
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function benchColdStart(report, node, label) {
  const probe = time(node, [cli, report]);
  if (probe.status !== 0 && probe.status !== 1) {
    console.log(
      `cold start: skipped (dist/cli.cjs exited ${probe.status}: ${probe.stderr.trim().split('\n')[0]})`,
    );
    return;
  }
  time(node, ['-e', '0']);
  const bare = [];
  const ours = [];
  // Interleaved, so that load on the machine hits both series alike.
  for (let i = 0; i < COLD_RUNS; i += 1) {
    bare.push(time(node, ['-e', '0']).ms);
    ours.push(time(node, [cli, report]).ms);
  }
  const ratio = median(ours) / median(bare);
  const verdict = ratio < COLD_TARGET ? 'ok' : 'ABOVE TARGET';
  console.log(
    `cold start${label}: report-check ${median(ours).toFixed(1)} ms, node -e 0 ${median(bare).toFixed(1)} ms ` +
      `(median of ${COLD_RUNS}, ${relative(root, report)}): ${ratio.toFixed(2)}x bare node - target < ${COLD_TARGET}x: ${verdict}`,
  );
}

function benchRoundTrips() {
  // The action's API cost lives with the acceptance harness (fakegh); it prints its own lines.
  if (!existsSync(roundTrips)) {
    console.log('round trips: skipped (acceptance/bench-roundtrips.mjs not present)');
    return;
  }
  const run = spawnSync(process.execPath, [roundTrips], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) console.log(`round trips: bench-roundtrips.mjs exited ${run.status}`);
}

console.log(`report-check bench (node ${process.version}, ${availableParallelism()} CPUs)`);
if (existsSync(corpus)) {
  const reports = loadCorpus();
  await benchThroughput(reports);
  const seed = join(corpus, 'seed-001', 'README.md');
  const report = existsSync(seed) ? seed : join(corpus, reports[0].name, 'README.md');
  if (!existsSync(cli)) {
    console.log('cold start: skipped (dist/cli.cjs not built; run `npm run build` first)');
  } else {
    if (statSync(cli).mtimeMs < newestSource(join(root, 'src'))) {
      console.log('  note: dist/cli.cjs is older than src/; run `npm run build` for current figures');
    }
    benchColdStart(report, process.execPath, '');
    // The acceptance run uses the pinned Node 24 (npm ci --prefix .ci/node24), whose bare start is faster.
    if (existsSync(node24)) benchColdStart(report, node24, ' (node 24)');
  }
} else {
  console.log(
    `throughput, cold start: skipped (no corpus at ${relative(root, corpus)}; it lives in ../shared)`,
  );
}
benchRoundTrips();

/** The fake GitHub of the unit tests and the report builder, bundled for this script like the engine. */
async function loadFakeGitHub(dir) {
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { startFakeGitHub } from ${JSON.stringify(join(root, '__tests__', 'support', 'fake-github-rest.ts'))};\n` +
      `export { makePassingReport, makeReport, words } from ${JSON.stringify(join(root, '__tests__', 'support', 'report.ts'))};\n`,
  );
  const outfile = join(dir, 'fake.mjs');
  await build({ ...bundleOptions, entryPoints: [entry], outfile });
  return import(pathToFileURL(outfile).href);
}

async function benchCohort() {
  if (!existsSync(cli)) {
    console.log('cohort: skipped (dist/cli.cjs not built; run `npm run build` first)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'report-check-cohort-'));
  try {
    const { startFakeGitHub, makePassingReport, makeReport, words } = await loadFakeGitHub(dir);
    const repositories = Array.from({ length: COHORT_REPOSITORIES }, (_, i) => ({
      owner: 'course',
      repo: `group-${i}`,
      files: {
        'reports/README.md': i % 3 === 0 ? makeReport('2026', { 4: words(50) }) : makePassingReport('2026'),
        'reports/figures/shot.png': 'png',
      },
    }));
    const fake = await startFakeGitHub(repositories, { latencyMs: COHORT_LATENCY_MS });
    const list = join(dir, 'groups.txt');
    writeFileSync(list, repositories.map((r) => `${r.owner}/${r.repo}\n`).join(''));
    const start = performance.now();
    // Asynchronous: the fake answers from this process's event loop.
    const { status, stdout } = await new Promise((done) => {
      const child = spawn(process.execPath, [cli, 'cohort', '--format', 'json', list], {
        env: { ...process.env, GITHUB_API_URL: fake.baseUrl, GITHUB_TOKEN: 'bench' },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', (code) => done({ status: code, stdout: out }));
    });
    const seconds = (performance.now() - start) / 1000;
    await fake.close();
    let rows = 0;
    let unreadable = -1;
    try {
      const document = JSON.parse(stdout);
      rows = document.groups.length;
      unreadable = document.cohort.unreadable;
    } catch {
      // Reported below as 0 rows.
    }
    const verdict =
      rows === COHORT_REPOSITORIES && unreadable === 0 && seconds < COHORT_TARGET_S ? 'ok' : 'MISSED';
    console.log(
      `cohort: ${COHORT_REPOSITORIES} repositories at ${COHORT_LATENCY_MS} ms per request in ${seconds.toFixed(1)} s ` +
        `(${fake.log.requests.length} requests, ${rows} rows, ${unreadable} unreadable, exit ${status}) - target < ${COHORT_TARGET_S} s: ${verdict}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await benchCohort();
