#!/usr/bin/env node
// `report-check --fix` on every corpus report, judged by the course's real checker.
//
//   node scripts/fix-differential.mjs [--corpus DIR] [--cli dist/cli.cjs] [--jobs J (default: up to 4)] [--cache FILE]
//
//   Each corpus/reports/*/README.md is copied into a temporary repository (at its own path, with the files of its
//   folder from files.txt as empty files, so that image checks see the figures), and the committed CLI bundle
//   (default dist/cli.cjs; `npm run bundle` first) runs `--fix --edition <its edition>` on all of them, one
//   process per edition. The real checker of the edition (corpus/checkers/<edition>/report.py, unchanged, through
//   scripts/course-checker-driver.py; verdicts cached as in scripts/differential.mjs) then judges each report
//   before and after. Per report, three checks: (1) every question the checker passed before and fails after was
//   named by --fix's output as taken out of its range ("Question N then has …: K short of / over its …"), and a
//   report the checker read before is not one it crashes on after; (2) a second --fix changes no byte and says
//   nothing was fixed; (3) a report --fix cannot keep byte for byte (not UTF-8, mixed line ends) is left as it
//   was, with a message. Ends with `N passed, N failed`; exit 0 when all pass, 1 when a check failed, 2 when it
//   could not run.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { availableParallelism, homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  checkerHashes,
  EDITIONS,
  loadCache,
  PYTHON,
  runDriver,
  storeVerdicts,
  verdictKey,
} from './course-verdicts.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** The temporary folder of the run, removed however it ends (fail exits past any `finally`). */
let work = null;

function fail(message) {
  if (work) rmSync(work, { recursive: true, force: true });
  console.log(`fix-differential: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus') },
    cli: { type: 'string', default: join(root, 'dist', 'cli.cjs') },
    jobs: { type: 'string', default: String(Math.min(4, availableParallelism())) },
    cache: {
      type: 'string',
      default: join(
        process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
        'report-check',
        'course-checker-verdicts.jsonl',
      ),
    },
  },
});
const corpus = resolve(args.corpus);
const cli = resolve(args.cli);
const jobs = Number(args.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail('--jobs must be a positive integer');
if (!existsSync(join(corpus, 'reports'))) fail(`${corpus}/reports is missing`);
if (!existsSync(cli)) fail(`${cli} is missing: run \`npm run bundle\` first`);
const probe = spawnSync(PYTHON, ['-c', 'import markdown, click, typer, loguru, pydantic'], {
  encoding: 'utf8',
});
if (probe.status !== 0) fail(`${PYTHON} cannot import the checkers' packages`);

/** Every corpus report of a known edition, copied into its own temporary repository. */
function stage(work) {
  const reports = [];
  for (const name of readdirSync(join(corpus, 'reports')).sort()) {
    const dir = join(corpus, 'reports', name);
    if (!existsSync(join(dir, 'README.md')) || !existsSync(join(dir, 'meta.json'))) continue;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    if (!EDITIONS.includes(meta.edition)) continue;
    const path = meta.path || 'reports/README.md';
    const repo = join(work, name);
    const folder = dirname(path) === '.' ? '' : `${dirname(path)}/`;
    const listed = existsSync(join(dir, 'files.txt')) ? readFileSync(join(dir, 'files.txt'), 'utf8') : '';
    for (const file of listed.split('\n').filter((f) => f && f.startsWith(folder) && f !== path)) {
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      writeFileSync(join(repo, file), '');
    }
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    const before = readFileSync(join(dir, 'README.md'));
    writeFileSync(join(repo, path), before);
    reports.push({ name, edition: meta.edition, file: join(repo, path), before });
  }
  return reports;
}

/** Runs `--fix` on the reports of each edition (one CLI process each); returns each report's stdout block. */
function fixAll(reports) {
  const said = new Map();
  for (const edition of EDITIONS) {
    const group = reports.filter((r) => r.edition === edition);
    if (!group.length) continue;
    const run = spawnSync(
      process.execPath,
      [cli, '--fix', '--edition', edition, ...group.map((r) => r.file)],
      {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    if (run.error || run.status === null) fail(`the CLI did not run: ${run.error?.message ?? run.signal}`);
    for (const r of group) {
      // The block --fix prints for the file: its "fixed N findings" line and the indented lines after it.
      const lines = run.stdout.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${r.file}: fixed `));
      const block = at === -1 ? [] : [lines[at]];
      for (let i = at + 1; at !== -1 && lines[i]?.startsWith('  '); i++) block.push(lines[i]);
      const errors = run.stderr.split('\n').filter((l) => l.includes(r.file));
      said.set(r, { block, errors });
    }
  }
  return said;
}

work = mkdtempSync(join(tmpdir(), 'report-check-fix-differential-'));
const started = performance.now();
try {
  const reports = stage(work);
  const first = fixAll(reports);
  for (const r of reports) r.after = readFileSync(r.file);
  const second = fixAll(reports);
  for (const r of reports) r.again = readFileSync(r.file);

  // The checker's verdicts on each text before and after, cached by content.
  const hashes = checkerHashes(corpus);
  const cacheFile = resolve(args.cache);
  const cache = loadCache(cacheFile);
  const key = (edition, bytes) => verdictKey(hashes, edition, bytes.toString('utf8'));
  const texts = new Map();
  for (const r of reports) {
    if (!Buffer.from(r.before.toString('utf8'), 'utf8').equals(r.before)) continue;
    for (const bytes of [r.before, r.after]) {
      const k = key(r.edition, bytes);
      if (!cache.has(k)) texts.set(k, { key: k, edition: r.edition, text: bytes.toString('utf8') });
    }
  }
  const fresh = texts.size ? await runDriver(corpus, [...texts.values()], jobs, false) : new Map();
  storeVerdicts(cacheFile, cache, fresh);

  let passed = 0;
  let failed = 0;
  let fixedReports = 0;
  let fixes = 0;
  let warnedBelow = 0;
  const check = (ok, what) => {
    if (ok) passed++;
    else {
      failed++;
      console.log(`FAILED: ${what}`);
    }
  };
  for (const r of reports) {
    const said = first.get(r);
    const changed = !r.before.equals(r.after);
    const utf8 = Buffer.from(r.before.toString('utf8'), 'utf8').equals(r.before);
    if (changed) fixedReports++;
    fixes += Math.max(0, said.block.length - 1);
    if (!utf8 || said.errors.some((l) => l.includes('not fixed'))) {
      check(
        !changed && said.errors.some((l) => l.includes('not fixed')),
        `${r.name}: a report --fix cannot keep is left as it was, with a message`,
      );
      continue;
    }
    const before = cache.get(key(r.edition, r.before));
    const after = cache.get(key(r.edition, r.after));
    const failing = (v) => new Set((v?.failures ?? []).map((f) => f.question));
    const newlyFailing = [...failing(after)].filter((q) => !failing(before).has(q));
    const named = new Set(
      said.block.flatMap((l) => {
        const m = /Question (\d+) then has \d+ words?: \d+ (?:short of|over) its /.exec(l);
        return m ? [Number(m[1])] : [];
      }),
    );
    warnedBelow += named.size;
    const unsaid = newlyFailing.filter((q) => !named.has(q));
    check(
      before && after && unsaid.length === 0 && !(before.status === 'ok' && after.status === 'crash'),
      `${r.name}: the checker fails question(s) ${unsaid.join(', ')} after --fix without --fix saying so` +
        (after?.status === 'crash' ? ` (crashes after: ${after.error})` : ''),
    );
    const again = second.get(r);
    check(
      r.again.equals(r.after) && again.block.length === 0,
      `${r.name}: a second --fix changed the report (${again.block[0] ?? 'bytes differ'})`,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fix-differential: ${reports.length} corpus reports, ${fixedReports} changed by --fix (${fixes} fixes), ` +
      `${warnedBelow} answers --fix said it takes out of range; checker ran ${texts.size} texts ` +
      `(the others cached); ${seconds} s`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} catch (error) {
  fail(`could not run: ${error?.message ?? error}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
