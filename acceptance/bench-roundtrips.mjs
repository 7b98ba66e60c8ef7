#!/usr/bin/env node
// API cost of the action, measured by fakegh: the report-changed scenario (first run on a PR that changes the report)
// with every request answered after LATENCY_MS, run twice on the same head, the second being an unchanged rerun.
// For this Node and, when installed, the pinned Node 24 of .ci/node24, prints
//   first run (node 24): N requests, M round trips, D ms (target: at most 6 requests, 2 round trips, under 800 ms on node 24)
//   unchanged rerun (node 24): N requests, M round trips, D ms (target: at most 3 requests, 1 round trip)
// D is fakegh's durationMs (the action's process, start to exit). --json prints one object per Node instead.
// Exits 0 with a "skipped" line when fakegh (../shared/tools/fakegh) is not there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import actionProblem from './lib/action-file.mjs';
import { FIRST_RUN_TARGET, RERUN_TARGET } from './lib/expect.mjs';
import {
  actionDir,
  ensureFakegh,
  fakeghDir,
  node24Path,
  nodeVersion,
  outRoot,
  runScenario,
  scenariosDir,
} from './lib/fakegh.mjs';

/** Per request, as issue 12 measures it. */
const LATENCY_MS = 150;
/** Issue 12: the first run at 150 ms per request, on Node 24 (the runners' Node). */
const FIRST_RUN_MS_TARGET = 800;

const json = process.argv.includes('--json');
if (!existsSync(fakeghDir)) {
  console.log(`round trips: skipped (fakegh not found at ${fakeghDir})`);
  process.exit(0);
}
const problem = ensureFakegh() ?? actionProblem(actionDir);
if (problem) {
  console.error(`round trips: ${problem}`);
  process.exit(1);
}

/** report-changed at LATENCY_MS, its `{file}` references made absolute, written where fakegh can read it. */
function scenarioFile() {
  const absolute = (value) => {
    if (Array.isArray(value)) return value.map(absolute);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, x]) => [
        k,
        k === 'file' && typeof x === 'string' && !isAbsolute(x) ? resolve(scenariosDir, x) : absolute(x),
      ]),
    );
  };
  const scenario = JSON.parse(readFileSync(join(scenariosDir, 'report-changed.json'), 'utf8'));
  const dir = join(outRoot, '.generated');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bench-report-changed.json');
  writeFileSync(file, `${JSON.stringify(absolute({ ...scenario, latencyMs: LATENCY_MS }), null, 1)}\n`);
  return file;
}

const file = scenarioFile();
const nodes = [{ node: process.execPath, label: '' }];
if (existsSync(node24Path) && nodeVersion(node24Path)) nodes.push({ node: node24Path, label: ' (node 24)' });
const measured = [];
// One Node after the other: side by side they would share the CPU and each other's durations.
for (const { node, label } of nodes) {
  const run = await runScenario({
    name: 'report-changed',
    node,
    label: 'bench',
    runs: 2,
    scenarioFile: file,
  });
  if (!run.result) {
    console.error(
      `round trips${label}: fakegh failed (exit ${run.harnessExit}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`,
    );
    process.exit(1);
  }
  const [first, rerun] = run.result.runs.map((r) => ({ ...r.stats, durationMs: r.durationMs }));
  const problems = [...(run.result.validationErrors ?? []), ...(run.result.unknownEndpoints ?? [])].length;
  measured.push({ node: run.result.node, label, first, rerun, problems, outDir: run.outDir });
}

const within = (s, target, ms) =>
  s.requests <= target.requests && s.roundTrips <= target.roundTrips && (ms === null || s.durationMs < ms);
if (json) {
  const targets = {
    firstRun: { ...FIRST_RUN_TARGET, durationMsNode24: FIRST_RUN_MS_TARGET },
    rerun: RERUN_TARGET,
  };
  for (const m of measured)
    console.log(
      JSON.stringify({
        node: m.node,
        latencyMs: LATENCY_MS,
        firstRun: m.first,
        unchangedRerun: m.rerun,
        targets,
      }),
    );
} else {
  for (const { label, first, rerun, problems, outDir } of measured) {
    const node24 = label !== '';
    const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const line = (s) =>
      `${count(s.requests, 'request')}, ${count(s.roundTrips, 'round trip')}, ${s.durationMs} ms`;
    console.log(
      `first run${label}: ${line(first)} at ${LATENCY_MS} ms per request (target: at most ${FIRST_RUN_TARGET.requests} ` +
        `requests, ${FIRST_RUN_TARGET.roundTrips} round trips, under ${FIRST_RUN_MS_TARGET} ms on node 24): ` +
        (within(first, FIRST_RUN_TARGET, node24 ? FIRST_RUN_MS_TARGET : null) ? 'ok' : 'MISSED'),
    );
    console.log(
      `unchanged rerun${label}: ${line(rerun)} (target: at most ${RERUN_TARGET.requests} requests, ` +
        `${RERUN_TARGET.roundTrips} round trip): ${within(rerun, RERUN_TARGET, null) ? 'ok' : 'MISSED'}`,
    );
    if (problems)
      console.log(
        `(the action's requests had ${problems} rejected or unknown-endpoint answers: see ${outDir}/result.json)`,
      );
  }
}
