#!/usr/bin/env node
// Differential test: report-check against the course's real `report.py check`, on student-like edits.
//
//   node scripts/differential.mjs [--corpus DIR] [--edits N] [--seed S] [--jobs J] [--verify K] [--cache FILE]
//                                 [--only I[,J...]] [--write-sample FILE --sample-size N]
//
//   Sources: every corpus/reports/*/README.md that is UTF-8 (with the edition in its meta.json), and each
//   edition's blank template (corpus/editions/<year>/README.md) filled with answers inside its ranges. N edits
//   (default 2,400) are planned from a fixed seed by scripts/student-edits.mjs. For each edit the real checker of
//   the source's edition (corpus/checkers/<edition>/report.py, unchanged) gives the verdict, through
//   scripts/course-checker-driver.py (one Python process per job imports each checker once and runs its check
//   command per text); verdicts are cached by the SHA-256 of checker, edition and bytes in --cache (default
//   ${XDG_CACHE_HOME:-~/.cache}/report-check/course-checker-verdicts.jsonl), so a rerun only runs new texts. The
//   engine (bundled from src/ on the fly, run in --jobs worker threads) then checks the text with strict false and true, and must give the same verdict
//   (courseChecker) and hold the gate (__tests__/support/differential.ts). One check per edit.
//   --verify K runs the first K uncached-or-not edits also as `python3 report.py check` processes and checks
//   that the driver reads exactly what those print: one check per edit.
//   --write-sample FILE writes the first --sample-size edits of the filled templates (no corpus text) with
//   their verdicts, for `npm test` (__tests__/differential.test.ts).
//   Ends with the figures and `N passed, N failed`; exit 0 when all pass, 1 when a check failed, 2 when it
//   could not run (no corpus, no python3, engine does not build).
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { createTwoFilesPatch } from 'diff';
import { bundleOptions } from './bundle-options.mjs';
import { applyEdit, planEdit } from './student-edits.mjs';
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
const DEFAULT_SEED = 7_2026;

function fail(message) {
  console.log(`differential: ${message}`);
  process.exit(2);
}

/**
 * Bundles the engine and the differential yardstick from src/ and __tests__/support into one ESM file in a
 * temporary folder; resolves to the module (for this thread) and the file (for the engine workers).
 */
async function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-differential-'));
  const outfile = join(dir, 'engine.mjs');
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await build({
    stdin: {
      contents: [
        "export { checkReport } from './src/check.ts';",
        "export { builtinConstraints } from './src/validate/constraints.ts';",
        "export * from './__tests__/support/differential.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'differential-entry.ts',
    },
    outfile,
    ...bundleOptions,
    logLevel: 'silent',
  });
  const href = pathToFileURL(outfile).href;
  return { engine: await import(href), href };
}

/**
 * Checks every edit with the engine (strict false and true) in `count` worker threads; resolves to the yardstick's
 * problems by edit index. Edits go out in small batches, so a slow edit holds up one worker only.
 */
function runEngine(href, work, count) {
  const results = new Map();
  let next = 0;
  const batch = () => work.slice(next, (next += 8));
  const workers = Array.from({ length: Math.max(1, Math.min(count, work.length)) }, () => {
    const worker = new Worker(join(root, 'scripts', 'differential-worker.mjs'), {
      workerData: { engine: href },
    });
    return new Promise((done, failed) => {
      worker.on('error', failed);
      worker.on('message', (answers) => {
        for (const answer of answers) results.set(answer.index, answer);
        const more = batch();
        if (more.length) worker.postMessage(more);
        else worker.terminate().then(() => done());
      });
      const first = batch();
      if (first.length) worker.postMessage(first);
      else worker.terminate().then(() => done());
    });
  });
  return Promise.all(workers).then(() => results);
}

/** A word count inside a range, near its middle. */
function inside(range) {
  return Math.max(range.min, Math.min(range.max, Math.round((range.min + range.max) / 2)));
}

/**
 * An edition's blank template with every answer filled inside its ranges (words and screenshots), so that the
 * checker passes it: a report as a careful group hands it in.
 */
export function fillTemplate(template, edition, engine) {
  const ranges = engine.builtinConstraints(edition).ranges;
  const lines = template.split('\n');
  const out = [];
  let question = 0;
  let skipping = false;
  for (const line of lines) {
    const heading = /^###\s+Question\s+(\d+)/.exec(line);
    if (heading) {
      question = Number(heading[1]);
      skipping = false;
    }
    if (skipping && !heading && !/^#/.test(line)) continue;
    skipping = false;
    out.push(line);
    if (question && /^>\s*Answer:/.test(line)) {
      const range = ranges.get(question) ?? {};
      const images = range.images ? inside(range.images) : 0;
      let count = range.words ? inside(range.words) : 12;
      count -= images;
      const body = Array.from({ length: Math.max(0, count) }, (_, i) => `word${question}x${i}`);
      const shots = Array.from({ length: images }, (_, i) => `![figure ${i}](figures/q${question}-${i}.png)`);
      out.push('', body.join(' '), ...(shots.length ? ['', ...shots] : []), '');
      skipping = true; // drop the placeholder (or the 2025 template's keyboard mash) up to the next heading
    }
  }
  return out.join('\n');
}

function loadSources(corpus, engine) {
  const sources = [];
  for (const edition of EDITIONS) {
    const file = join(corpus, 'editions', edition, 'README.md');
    if (!existsSync(file)) continue;
    const text = fillTemplate(readFileSync(file, 'utf8'), edition, engine);
    sources.push({ name: `template-${edition}-filled`, edition, text, synthetic: true });
  }
  const reports = join(corpus, 'reports');
  for (const name of existsSync(reports) ? readdirSync(reports).sort() : []) {
    const file = join(reports, name, 'README.md');
    const metaFile = join(reports, name, 'meta.json');
    if (!existsSync(file) || !existsSync(metaFile)) continue;
    const edition = JSON.parse(readFileSync(metaFile, 'utf8')).edition;
    if (!EDITIONS.includes(edition)) continue;
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) continue; // not UTF-8: the corpus check covers those bytes
    // A few reports use another edition's template text (the corpus decides their edition by commit dates,
    // which the text does not carry): the engine is told their edition, as a group would set it.
    // `2023/2024` (the two templates cannot be told apart) matches either.
    const detected = engine.checkReport({ path: 'reports/README.md', content: text }).edition;
    const matches =
      detected === edition || (detected === '2023/2024' && (edition === '2023' || edition === '2024'));
    sources.push({ name: `reports/${name}`, edition, text, synthetic: false, given: !matches });
  }
  return sources;
}

// ---------------------------------------------------------------------------------------------------------

function describe(edit) {
  return `edit ${edit.index} (${edit.source.name}, seed ${edit.plan.seed}: ${edit.done.join('; ')}${edit.plan.strict ? '' : ''})`;
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus') },
        edits: { type: 'string', default: '2400' },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        jobs: { type: 'string', default: '2' },
        verify: { type: 'string', default: '24' },
        cache: {
          type: 'string',
          default: join(
            process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
            'report-check',
            'course-checker-verdicts.jsonl',
          ),
        },
        only: { type: 'string' },
        'write-sample': { type: 'string' },
        'sample-size': { type: 'string', default: '60' },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(error.message);
  }
  const count = Number(args.edits);
  const seed = Number(args.seed);
  const jobs = Number(args.jobs);
  const verifyCount = Number(args.verify);
  if (![count, seed, jobs, verifyCount].every(Number.isInteger) || jobs < 1) fail('bad numeric argument');
  const corpus = resolve(args.corpus);
  if (!existsSync(join(corpus, 'checkers')))
    fail(`no checkers at ${join(corpus, 'checkers')}; nothing checked`);
  const probe = spawnSync(PYTHON, ['-c', 'import markdown, click, typer, loguru, pydantic'], {
    encoding: 'utf8',
  });
  if (probe.status !== 0)
    fail(`${PYTHON} cannot import the checkers' packages: ${(probe.stderr ?? '').trim().split('\n').pop()}`);

  const started = performance.now();
  let engine;
  let engineHref;
  try {
    ({ engine, href: engineHref } = await bundle());
  } catch (error) {
    fail(`could not bundle the engine: ${String(error.message).split('\n')[0]}`);
  }
  const sources = loadSources(corpus, engine);
  if (!sources.length) fail(`no sources in ${corpus}`);
  const hashes = checkerHashes(corpus);

  // Plans: the sample (for npm test) draws from the filled templates only, which carry no student text.
  const sampling = args['write-sample'] !== undefined;
  const pool = sampling ? sources.filter((s) => s.synthetic) : sources;
  const total = sampling ? Number(args['sample-size']) : count;
  const edits = [];
  const seen = new Set();
  for (let i = 0; edits.length < total && i < total * 20; i++) {
    const plan = planEdit(seed * 100_003 + i, pool.length);
    const source = pool[plan.source];
    const { text, done } = applyEdit(source.text, plan);
    const key = verdictKey(hashes, source.edition, text);
    if (text === source.text || seen.has(`${key}${plan.strict}`)) continue;
    seen.add(`${key}${plan.strict}`);
    edits.push({ index: edits.length, plan, source, text, done, key, edition: source.edition });
  }
  const only = args.only?.split(',').map(Number);
  const selected = only ? only.map((i) => edits[i]).filter(Boolean) : edits;
  if (only?.length === 1 && selected[0]) {
    const file = join(tmpdir(), `differential-edit-${args.only}.md`);
    writeFileSync(file, selected[0].text);
    console.log(`differential: ${describe(selected[0])} written to ${file}`);
  }

  // Verdicts: cached, else run now.
  const cacheFile = resolve(args.cache);
  const cache = loadCache(cacheFile);
  const missing = [...new Map(selected.filter((e) => !cache.has(e.key)).map((e) => [e.key, e])).values()];
  const checkerStart = performance.now();
  let fresh = new Map();
  try {
    fresh = missing.length ? await runDriver(corpus, missing, jobs, false) : new Map();
  } catch (error) {
    fail(`the course checker driver failed: ${error.message}`);
  }
  const checkerMs = performance.now() - checkerStart;
  storeVerdicts(cacheFile, cache, fresh);

  let passed = 0;
  let failed = 0;
  const report = [];

  // The driver against real `python3 report.py check` processes, on a few edits.
  const verifyStart = performance.now();
  const toVerify = selected.slice(0, Math.max(0, verifyCount));
  let verified = 0;
  if (toVerify.length) {
    const both = await runDriver(corpus, toVerify, jobs, true);
    for (const edit of toVerify) {
      const v = both.get(edit.key);
      const same =
        v &&
        v.process.status === v.status &&
        v.process.error === v.error &&
        JSON.stringify(v.process.printed) === JSON.stringify(v.printed);
      if (same) verified++;
      else
        report.push(
          `FAIL verify ${describe(edit)}: driver ${JSON.stringify(v?.printed)}, process ${JSON.stringify(v?.process?.printed)}`,
        );
    }
    passed += verified;
    failed += toVerify.length - verified;
  }
  const verifyMs = performance.now() - verifyStart;

  const engineStart = performance.now();
  let agree = 0;
  let gateLoose = 0;
  let gateStrict = 0;
  const outcomes = { pass: 0, fail: 0, crash: 0 };
  const sample = [];
  const work = selected.flatMap((edit, index) => {
    const oracle = cache.get(edit.key);
    return oracle
      ? [{ index, text: edit.text, edition: edit.edition, given: edit.source.given === true, oracle }]
      : [];
  });
  let checked;
  try {
    checked = await runEngine(engineHref, work, jobs);
  } catch (error) {
    fail(`the engine failed: ${error?.stack ?? error}`);
  }
  selected.forEach((edit, index) => {
    const oracle = cache.get(edit.key);
    const problems = [];
    if (!oracle) problems.push('no verdict from the course checker');
    else {
      outcomes[oracle.status === 'crash' ? 'crash' : oracle.failures.length ? 'fail' : 'pass']++;
      const { verdict, gate, gateStrict: gateS } = checked.get(index);
      if (!verdict.length) agree++;
      if (!gate.length) gateLoose++;
      if (!gateS.length) gateStrict++;
      problems.push(...verdict, ...gate, ...gateS);
      if (sampling) sample.push({ edit, oracle });
    }
    if (problems.length === 0) passed++;
    else {
      failed++;
      report.push(`FAIL ${describe(edit)}: ${[...new Set(problems)].slice(0, 4).join('; ')}`);
    }
  });
  const engineMs = performance.now() - engineStart;

  for (const line of report) console.log(line);
  const n = selected.length;
  const given = pool.filter((source) => source.given).length;
  console.log(
    `differential: ${n} edits of ${pool.length} sources (seed ${seed}; ${given} with their edition given, the ` +
      `others detected); the course checker: ${outcomes.pass} pass, ` +
      `${outcomes.fail} fail, ${outcomes.crash} crash`,
  );
  console.log(
    `differential: verdict agrees on ${agree}/${n}; gate holds on ${gateLoose}/${n} (strict false) and ` +
      `${gateStrict}/${n} (strict true); driver = \`python3 report.py check\` on ${verified}/${toVerify.length}`,
  );
  console.log(
    `timings: checker ${missing.length} texts run in ${(checkerMs / 1000).toFixed(1)} s (${n - missing.length} cached), ` +
      `verify ${(verifyMs / 1000).toFixed(1)} s, engine ${(engineMs / 1000).toFixed(1)} s, total ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  if (sampling) {
    const base = Object.fromEntries(pool.map((s) => [s.name, s.text]));
    const document = {
      note:
        'Student-like edits of filled course templates and the verdict of the real course checker on each; ' +
        'regenerate with node scripts/differential.mjs --write-sample __tests__/fixtures/differential/sample.json',
      bases: base,
      edits: sample.map(({ edit, oracle }) => ({
        name: `edit ${edit.index}: ${edit.done.join('; ')}`,
        base: edit.source.name,
        edition: edit.edition,
        strict: edit.plan.strict,
        // The patch is of the text before its whole-text finish (CRLF, BOM), which the test applies itself.
        patch: createTwoFilesPatch(
          'base',
          'edited',
          edit.source.text,
          applyEdit(edit.source.text, { ...edit.plan, finish: null }).text,
          '',
          '',
          { context: 1 },
        ),
        finish: edit.plan.finish,
        verdict: { status: oracle.status, error: oracle.error, failures: oracle.failures },
      })),
    };
    writeFileSync(resolve(args['write-sample']), `${JSON.stringify(document, null, 1)}\n`);
    console.log(`differential: wrote ${sample.length} edits to ${args['write-sample']}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.log(`differential: could not run: ${error?.stack ?? error}`);
  process.exit(2);
});
