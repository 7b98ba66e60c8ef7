#!/usr/bin/env node
// `npm run bench`: how fast report-check is, in figures.
//   1. throughput: reports per second through checkReport in one warm process, over every report in
//      ../shared/corpus/reports/*/README.md (target >= 1,500);
//   2. cold start: `node dist/cli.cjs REPORT` against bare `node -e 0`, median of COLD_RUNS each (target <= 1.2x),
//      with this Node and, when installed, the pinned Node 24 of .ci/node24; here and in 3 and 4 each command runs
//      with a code cache of its own, written by one run of that command first (see primed());
//   3. the course checker: the same cold check against `python3 report.py check` of the 2026 checker (target <= 0.5x);
//   4. corpus run: one `report-check` process over every corpus report, start-up included (target >= 500/s), and
//      the same run in a git work tree holding the reports (a teacher's folder; the image checks ask git);
//   5. action load: `node dist/index.js` stopping at its first input against bare node (target <= 80 ms more);
//   6. round trips: the action's GitHub API cost under fakegh at 150 ms per request, first run and unchanged rerun,
//      on this Node and Node 24 (requests, round trips, durationMs), from acceptance/bench-roundtrips.mjs when present;
//   7. cohort: `node dist/cli.cjs cohort` over 200 repositories of a local fake GitHub REST API answering each
//      request after 100 ms (target < 30 s; the fake is __tests__/support/fake-github-rest.ts);
//   8. markdownlint rule: dist/markdownlint.cjs's warm time per 35 KB report, as the editor runs it on each
//      check (target < 5 ms; scripts/bench-markdownlint.mjs says what it measures).
// Parts whose inputs are missing (no ../shared corpus, no dist/cli.cjs) print why and are skipped. Where
// NODE_EXTRA_CA_CERTS is set, 2-4 print a second time without it: Node 20 parses that file at every start.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';
import { ADVERSARIAL_SHAPES } from './adversarial.mjs';
import { benchMarkdownlint } from './bench-markdownlint.mjs';
import { Buffer } from 'node:buffer';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const corpus = join(root, '..', 'shared', 'corpus', 'reports');
const cli = join(root, 'dist', 'cli.cjs');
const roundTrips = join(root, 'acceptance', 'bench-roundtrips.mjs');
const node24 = join(root, '.ci', 'node24', 'node_modules', '.bin', 'node');

const THROUGHPUT_TARGET = 1500;
const COLD_TARGET = 1.2;
const CHECKER_TARGET = 0.5;
const CORPUS_RUN_TARGET = 500;
const ACTION_LOAD_TARGET_MS = 80;
/** Issue 8: any 1 MiB input checked by the CLI, start-up included, in under a second. */
const ADVERSARIAL_CLI_TARGET_MS = 1000;
const courseChecker = join(root, '..', 'shared', 'corpus', 'checkers', '2026', 'report.py');
const python = '/usr/bin/python3';
const COHORT_REPOSITORIES = 200;
const COHORT_LATENCY_MS = 100;
const COHORT_TARGET_S = 30;
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

/**
 * The environment every timed command starts from. A second set of start-up figures runs without
 * NODE_EXTRA_CA_CERTS (see {@link benchStartFigures}).
 */
let baseEnv = process.env;

function time(command, args, cwd = root, env = baseEnv) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: run.status, stderr: String(run.stderr ?? '') };
}

/** Cache folders made by {@link primed}, removed when the bench ends. */
const cacheHomes = [];
process.on('exit', () => {
  for (const home of cacheHomes) rmSync(home, { recursive: true, force: true });
});

/**
 * An environment with a code cache of its own (XDG_CACHE_HOME), written by one run of `args`: a measured run
 * then starts as a student's next check of the same kind does. dist/cli.cjs keeps the cache written by the first
 * run that checks, so with the shared cache a figure would depend on which run of the bench (or of a test) came
 * first; a cache written by a run over the corpus made the cold check of one report about 4 ms slower (Node 24).
 */
function primed(node, args, cwd = root) {
  const home = mkdtempSync(join(tmpdir(), 'report-check-bench-cache-'));
  cacheHomes.push(home);
  const env = { ...baseEnv, XDG_CACHE_HOME: home };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  time(node, args, cwd, env);
  return env;
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** The figures that include node's start: one report cold, against the course checker, and the corpus run. */
function benchStartFigures(report, reports, nodes, suffix) {
  const labelled = nodes.map(({ node, label }) => ({ node, label: `${label}${suffix}` }));
  for (const { node, label } of labelled) benchColdStart(report, node, label);
  benchCourseChecker(report, labelled);
  for (const { node, label } of labelled) benchCorpusRun(reports, node, label);
}

function benchColdStart(report, node, label) {
  const env = primed(node, [cli, report]);
  const probe = time(node, [cli, report], root, env);
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
    ours.push(time(node, [cli, report], root, env).ms);
  }
  const ratio = median(ours) / median(bare);
  const verdict = ratio <= COLD_TARGET ? 'ok' : 'ABOVE TARGET';
  console.log(
    `cold start${label}: report-check ${median(ours).toFixed(1)} ms, node -e 0 ${median(bare).toFixed(1)} ms ` +
      `(median of ${COLD_RUNS}, ${relative(root, report)}): ${ratio.toFixed(2)}x bare node - target <= ${COLD_TARGET}x: ${verdict}`,
  );
}

function benchCourseChecker(report, nodes) {
  if (!existsSync(courseChecker) || !existsSync(python)) {
    console.log('course checker: skipped (no ../shared/corpus/checkers/2026/report.py or /usr/bin/python3)');
    return;
  }
  // The course checker reads README.md in the folder it runs in.
  const dir = mkdtempSync(join(tmpdir(), 'report-check-bench-'));
  try {
    writeFileSync(join(dir, 'README.md'), readFileSync(report));
    const runChecker = () => time(python, [courseChecker, 'check'], dir);
    const probe = runChecker();
    // A checker that cannot import its libraries also exits 1, as it does on a report it rejects; timing it
    // would compare our check with Python failing to start.
    const missing = /^(?:ModuleNotFoundError|ImportError): (.*)$/m.exec(probe.stderr);
    if (missing) {
      console.log(`course checker: skipped (report.py cannot start: ${missing[1]})`);
      return;
    }
    if (probe.status !== 0 && probe.status !== 1) {
      console.log(
        `course checker: skipped (report.py exited ${probe.status}: ${probe.stderr.trim().split('\n').pop()})`,
      );
      return;
    }
    const checker = [];
    const ours = nodes.map(() => []);
    const envs = nodes.map(({ node }) => primed(node, [cli, 'README.md'], dir));
    for (let i = 0; i < COLD_RUNS; i += 1) {
      checker.push(runChecker().ms);
      nodes.forEach(({ node }, n) => ours[n].push(time(node, [cli, 'README.md'], dir, envs[n]).ms));
    }
    nodes.forEach(({ label }, n) => {
      const ratio = median(ours[n]) / median(checker);
      console.log(
        `course checker${label}: report-check ${median(ours[n]).toFixed(1)} ms, report.py check (2026) ` +
          `${median(checker).toFixed(1)} ms (median of ${COLD_RUNS}): ${ratio.toFixed(2)}x - target <= ${CHECKER_TARGET}x: ` +
          (ratio <= CHECKER_TARGET ? 'ok' : 'ABOVE TARGET'),
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchCorpusRun(reports, node, label) {
  const files = reports.map((report) => join(corpus, report.name, 'README.md'));
  const args = [cli, '--format', 'json', ...files];
  const env = primed(node, args, corpus);
  const runs = [];
  for (let i = 0; i < 5; i += 1) runs.push(time(node, args, corpus, env).ms);
  const perSecond = reports.length / (median(runs) / 1000);
  console.log(
    `corpus run${label}: one report-check over ${reports.length} reports in ${median(runs).toFixed(0)} ms ` +
      `(median of 5, start-up included): ${perSecond.toFixed(0)} reports/s - target >= ${CORPUS_RUN_TARGET}: ` +
      (perSecond >= CORPUS_RUN_TARGET ? 'ok' : 'BELOW TARGET'),
  );
}

/**
 * The corpus run as a teacher makes it in a git work tree holding every group's report, one folder per group
 * (`report-check GROUP/README.md...`): the image checks ask git what it will commit, once per repository.
 */
function benchCorpusRunInGit(reports) {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-corpus-git-'));
  try {
    for (const report of reports) {
      mkdirSync(join(dir, report.name));
      copyFileSync(join(corpus, report.name, 'README.md'), join(dir, report.name, 'README.md'));
    }
    if (spawnSync('git', ['init', '-q'], { cwd: dir }).status !== 0) {
      console.log('corpus run in a git work tree: skipped (no git)');
      return;
    }
    spawnSync('git', ['add', '-A'], { cwd: dir });
    const args = [cli, '--format', 'json', ...reports.map((report) => `${report.name}/README.md`)];
    const env = primed(process.execPath, args, dir);
    const runs = [];
    for (let i = 0; i < 5; i += 1) runs.push(time(process.execPath, args, dir, env).ms);
    const perSecond = reports.length / (median(runs) / 1000);
    console.log(
      `corpus run in a git work tree: one report-check over ${reports.length} reports in ` +
        `${median(runs).toFixed(0)} ms (median of 5, start-up included): ${perSecond.toFixed(0)} reports/s - ` +
        `target >= ${CORPUS_RUN_TARGET}: ${perSecond >= CORPUS_RUN_TARGET ? 'ok' : 'BELOW TARGET'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchActionLoad(node, label) {
  const action = join(root, 'dist', 'index.js');
  if (!existsSync(action)) {
    console.log('action load: skipped (dist/index.js not built)');
    return;
  }
  // Without the runner's variables the action stops at its first input (the token), right after loading.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(name)),
  );
  const bare = [];
  const ours = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    bare.push(time(node, ['-e', '0'], root, env).ms);
    ours.push(time(node, [action], root, env).ms);
  }
  const cost = median(ours) - median(bare);
  console.log(
    `action load${label}: node dist/index.js ${median(ours).toFixed(1)} ms, node -e 0 ${median(bare).toFixed(1)} ms ` +
      `(median of ${COLD_RUNS}): ${cost.toFixed(0)} ms to load - target <= ${ACTION_LOAD_TARGET_MS} ms: ` +
      (cost <= ACTION_LOAD_TARGET_MS ? 'ok' : 'ABOVE TARGET'),
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

/**
 * 4. adversarial input: every shape of scripts/adversarial.mjs at 1 MiB through checkReport (warm, best of 3) and
 *    through `node dist/cli.cjs FILE` in each output format (one run each); prints the worst time per MiB of each,
 *    as a ratio to a plain 1 MiB report of words measured the same way, and the CLI's worst peak RSS against the
 *    plain report's (target: every 1 MiB input well under a second, so the ratios stay small).
 */
async function benchAdversarial() {
  const { checkReport } = await loadEngine();
  const MIB = 1024 * 1024;
  const plainReport = `### Question 1\n\n> Answer:\n\n${'word '.repeat(MIB / 5 - 10)}\n`;
  const timeOf = (text) => {
    const content = Buffer.from(text);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      checkReport({ path: 'reports/README.md', content, files: [] });
      best = Math.min(best, performance.now() - start);
    }
    return (best * MIB) / content.length;
  };
  const plain = timeOf(plainReport);
  const times = Object.entries(ADVERSARIAL_SHAPES).map(([name, shape]) => [name, timeOf(shape(MIB))]);
  times.sort((a, b) => b[1] - a[1]);
  const [worstName, worst] = times[0];
  console.log(
    `adversarial 1 MiB inputs, engine: worst ${worst.toFixed(0)} ms per MiB (${worstName}), ${(worst / plain).toFixed(1)}x a plain 1 MiB report (${plain.toFixed(0)} ms); ${times.length} shapes`,
  );
  if (existsSync(cli)) benchAdversarialCli(plainReport);
  else console.log('adversarial 1 MiB inputs, CLI: skipped (dist/cli.cjs not built)');
}

/** Wall time (ms per MiB), peak RSS (KiB, from GNU time when installed) and output size of one CLI run. */
function cliRun(file, format, bytes) {
  const gnuTime = '/usr/bin/time';
  const args = [cli, '--format', format, file];
  const useTime = existsSync(gnuTime);
  const start = process.hrtime.bigint();
  const run = useTime
    ? spawnSync(gnuTime, ['-f', '%M', process.execPath, ...args], { maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, args, { maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = useTime ? Number(String(run.stderr).trim().split('\n').pop()) : NaN;
  return { msPerMiB: (ms * 1024 * 1024) / bytes, rss, out: run.stdout.length, status: run.status };
}

function benchAdversarialCli(plainReport) {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-adversarial-'));
  try {
    const file = join(dir, 'README.md');
    const runAll = (text) => {
      writeFileSync(file, text);
      const bytes = Buffer.byteLength(text);
      return ['text', 'json', 'sarif'].map((format) => ({ format, ...cliRun(file, format, bytes) }));
    };
    const plain = runAll(plainReport);
    const plainMs = Math.max(...plain.map((r) => r.msPerMiB));
    const plainRss = Math.max(...plain.map((r) => r.rss));
    let worst = { msPerMiB: 0 };
    let worstRss = { rss: 0 };
    let largest = { out: 0 };
    for (const [name, shape] of Object.entries(ADVERSARIAL_SHAPES)) {
      for (const run of runAll(shape(1024 * 1024))) {
        const named = { name, ...run };
        if (run.status !== 0 && run.status !== 1)
          console.log(`  note: CLI exited ${run.status} on ${name} (${run.format})`);
        if (run.msPerMiB > worst.msPerMiB) worst = named;
        if (run.rss > worstRss.rss) worstRss = named;
        if (run.out > largest.out) largest = named;
      }
    }
    console.log(
      `adversarial 1 MiB inputs, CLI: worst ${worst.msPerMiB.toFixed(0)} ms per MiB (${worst.name}, --format ${worst.format}), ` +
        `${(worst.msPerMiB / plainMs).toFixed(1)}x a plain 1 MiB report (${plainMs.toFixed(0)} ms, start-up included); ` +
        `peak RSS ${Number.isNaN(plainRss) ? 'not measured (no /usr/bin/time)' : `${(worstRss.rss / 1024).toFixed(0)} MiB (${worstRss.name}), ${(worstRss.rss / plainRss).toFixed(1)}x the plain report's`}; ` +
        `largest output ${(largest.out / 1024).toFixed(0)} KiB (${largest.name}, --format ${largest.format}) ` +
        `- target < ${ADVERSARIAL_CLI_TARGET_MS} ms per MiB: ${worst.msPerMiB < ADVERSARIAL_CLI_TARGET_MS ? 'ok' : 'ABOVE TARGET'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`report-check bench (node ${process.version}, ${availableParallelism()} CPUs)`);
await benchAdversarial();
if (existsSync(corpus)) {
  const reports = loadCorpus();
  await benchThroughput(reports);
  const seed = join(corpus, 'seed-001', 'README.md');
  const report = existsSync(seed) ? seed : join(corpus, reports[0].name, 'README.md');
  benchMarkdownlint(
    report,
    reports.map((r) => join(corpus, r.name, 'README.md')),
    (await loadEngine()).checkReport,
  );
  if (!existsSync(cli)) {
    console.log('cold start: skipped (dist/cli.cjs not built; run `npm run bundle` first)');
  } else {
    if (statSync(cli).mtimeMs < newestSource(join(root, 'src'))) {
      console.log('  note: dist/cli.cjs is older than src/; run `npm run bundle` for current figures');
    }
    const nodes = [{ node: process.execPath, label: '' }];
    // The acceptance run uses the pinned Node 24 (npm ci --prefix .ci/node24), whose bare start is faster.
    if (existsSync(node24)) nodes.push({ node: node24, label: ' (node 24)' });
    benchStartFigures(report, reports, nodes, '');
    benchCorpusRunInGit(reports);
    if (process.env.NODE_EXTRA_CA_CERTS) {
      // Node 20 reads and parses that file at every start (Node 24 only when it first needs TLS): on a machine
      // that sets it, bare node starts tens of ms later, which hides our own cost in the ratios above and adds
      // to the corpus run. A student's machine and a hosted runner do not set it.
      baseEnv = { ...process.env };
      delete baseEnv.NODE_EXTRA_CA_CERTS;
      console.log('NODE_EXTRA_CA_CERTS is set here; the same figures without it:');
      benchStartFigures(report, reports, nodes, ', without NODE_EXTRA_CA_CERTS');
      baseEnv = process.env;
    }
  }
} else {
  console.log(
    `throughput, cold start: skipped (no corpus at ${relative(root, corpus)}; it lives in ../shared)`,
  );
}
benchActionLoad(process.execPath, '');
if (existsSync(node24)) benchActionLoad(node24, ' (node 24)');
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
    console.log('cohort: skipped (dist/cli.cjs not built; run `npm run bundle` first)');
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
