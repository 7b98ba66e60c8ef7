#!/usr/bin/env node
// Acceptance run: every scenario in acceptance/scenarios/ against the bundled action (action.yml + dist/), with
// fakegh (../shared/tools/fakegh), on the system Node and on Node 24 (.ci/node24). Installs nothing except fakegh's
// own dependencies when its node_modules is missing. Prints one line per scenario x node and a closing
// "N passed, N failed"; exits 1 when anything failed.
//
//   node acceptance/run.mjs [--only a,b] [--node system|24|all] [--jobs N] [--verbose]
//
// Results: fakegh-out/acceptance/<node>/<scenario>/result.json (+ requests.jsonl).
/* global setInterval, clearInterval */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import actionProblem from './lib/action-file.mjs';
import { Checker, View, commonChecks, loadExpect } from './lib/checks.mjs';
import {
  actionDir,
  ensureFakegh,
  matrixScenarios,
  node24Path,
  nodeVersion,
  runScenario,
  scenarioNames,
  scenariosDir,
} from './lib/fakegh.mjs';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    node: { type: 'string', default: 'all' },
    jobs: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
  },
});
const t0 = Date.now();
let passed = 0,
  failed = 0;
const line = (ok, label, name, text) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(6)} ${name.padEnd(24)} ${text}`);
};
const finish = () => {
  console.log(`acceptance: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};

// fakegh's own dependencies first: building the matrix below already runs the action against fakegh (clean runs).
const setupProblem = ensureFakegh() ?? actionProblem(actionDir);
// Scenarios built in code (scenarios/*.matrix.mjs, one per parameter set) run beside the JSON ones.
let matrix = new Map();
let matrixProblem = null;
if (!setupProblem) {
  try {
    matrix = await matrixScenarios();
  } catch (e) {
    matrixProblem = `building the scenario matrix failed: ${String(e?.message ?? e).split('\n')[0]}`;
  }
}
// A matrix that could not be built is a failure, not a smaller run that passes; said first, so that an `--only`
// naming one of its scenarios shows why it is missing.
if (matrixProblem) line(false, 'setup', 'scenarios/*.matrix.mjs', matrixProblem);
let names = [...scenarioNames(), ...matrix.keys()];
if (args.only) {
  // A name ending in `*` selects every scenario it starts, e.g. `write-fault-*`.
  const want = args.only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((n) => (n.endsWith('*') ? names.filter((x) => x.startsWith(n.slice(0, -1))) : [n]));
  const unknown = want.filter((n) => !names.includes(n));
  if (unknown.length) {
    console.error(`unknown scenario(s): ${unknown.join(', ')} (have: ${names.join(', ')})`);
    // The name may be one of the matrix scenarios that could not be built.
    if (setupProblem || matrixProblem)
      console.error(`the matrix scenarios were not built: ${setupProblem ?? matrixProblem}`);
    process.exit(2);
  }
  names = want;
}

// The Node binaries: the one running this script (20 on the dev machines and CI) and the pinned Node 24.
if (!['system', '24', 'all'].includes(args.node)) {
  // Anything else would select no binary and report "0 passed, 0 failed", which reads as nothing broken.
  console.error(`--node ${args.node}: expected system, 24 or all`);
  process.exit(2);
}
const nodes = [];
if (args.node === 'system' || args.node === 'all') nodes.push({ bin: process.execPath });
if (args.node === '24' || args.node === 'all')
  nodes.push({ bin: node24Path, missing: 'Node 24 binary missing: run `npm ci --prefix .ci/node24` first' });
for (const n of nodes) {
  n.version = existsSync(n.bin) ? nodeVersion(n.bin) : null;
  n.label = n.version ? `node${n.version.slice(1).split('.')[0]}` : n.bin === node24Path ? 'node24' : 'node?';
}

const queue = [];
for (const name of names) for (const n of nodes) queue.push({ name, node: n });
if (setupProblem) {
  // The matrix scenarios were not built (they need fakegh): one line says so.
  line(false, 'setup', 'scenarios/*.matrix.mjs', `not built: ${setupProblem}`);
  for (const { name, node } of queue) line(false, node.label, name, setupProblem);
  finish();
}

// Two scenarios per CPU, at most 4: a scenario waits on process starts and requests much of its time, and each has
// its own fakegh on its own port.
const jobs = Math.max(1, Number(args.jobs ?? Math.min(4, 2 * availableParallelism())));
const results = new Map();
let next = 0;
async function worker() {
  while (next < queue.length) {
    const item = queue[next++];
    results.set(item, await runOne(item));
  }
}

async function runOne({ name, node }) {
  if (!node.version) return { ok: false, text: node.missing ?? `${node.bin} does not run` };
  const built = matrix.get(name);
  const scenarioFile = built?.file ?? join(scenariosDir, `${name}.json`);
  const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
  const run = await runScenario({ name, node: node.bin, label: node.label, scenarioFile });
  if (!run.result) {
    const tail = `${run.stderr}\n${run.stdout}`.trim().split('\n').slice(-3).join(' | ');
    return { ok: false, text: `harness failed (exit ${run.harnessExit}): ${tail}`, outDir: run.outDir };
  }
  const v = new View(run.result, scenario, scenarioFile);
  const t = new Checker();
  let expect;
  try {
    expect = built
      ? { check: built.check, options: built.options ?? {} }
      : await loadExpect(scenariosDir, name);
  } catch (e) {
    return { ok: false, text: `no expectations: ${e.message}` };
  }
  try {
    commonChecks(v, t, expect.options);
    await expect.check(v, t);
  } catch (e) {
    t.ok(false, `assertion code threw: ${e.stack?.split('\n').slice(0, 2).join(' ')}`);
  }
  // Round trips mean something only where requests take time (latencyMs): on a 0 ms fake, overlap is luck.
  const timed = (scenario.latencyMs ?? 0) >= 50;
  const runsText = v.runs
    .map((r) => `exit ${r.exitCode}, ${r.stats?.requests} req${timed ? `/${r.stats?.roundTrips} rt` : ''}`)
    .join('; ');
  const info = `[${runsText}; ${(run.ms / 1000).toFixed(1)} s]`;
  const notes = args.verbose && t.notes.length ? ` (${t.notes.join('; ')})` : '';
  return {
    ok: t.failures.length === 0,
    text: t.failures.length ? `${t.failures.join('; ')} ${info}` : `${info}${notes}`,
    outDir: run.outDir,
  };
}

// Run in parallel, print in a fixed order as results come in.
let printed = 0;
const printer = setInterval(flush, 200);
function flush() {
  while (printed < queue.length && results.has(queue[printed])) {
    const item = queue[printed++];
    const r = results.get(item);
    line(r.ok, item.node.label, item.name, r.text);
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));
clearInterval(printer);
flush();
finish();
