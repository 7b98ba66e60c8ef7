#!/usr/bin/env node
// API cost of the action, measured by fakegh: the report-changed scenario (first run on a PR that changes the report)
// run twice on the same head, the second being an unchanged rerun. Prints
//   first run: N requests, M round trips (target: at most 6 requests, 3 round trips)
//   unchanged rerun: N requests, M round trips
// (--json prints {"firstRun": {...}, "unchangedRerun": {...}} instead). Runs on Node 24 when .ci/node24 is
// installed, else on this Node. Exits 0 with a "skipped" line when fakegh (../shared/tools/fakegh) is not there.
import { existsSync } from 'node:fs';
import actionProblem from './lib/action-file.mjs';
import { FIRST_RUN_TARGET } from './lib/expect.mjs';
import { actionDir, ensureFakegh, fakeghDir, node24Path, nodeVersion, runScenario } from './lib/fakegh.mjs';

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
const node = existsSync(node24Path) && nodeVersion(node24Path) ? node24Path : process.execPath;
const run = await runScenario({ name: 'report-changed', node, label: 'bench', runs: 2 });
if (!run.result) {
  console.error(
    `round trips: fakegh failed (exit ${run.harnessExit}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`,
  );
  process.exit(1);
}
const [first, rerun] = run.result.runs.map((r) => r.stats);
const problems = [...(run.result.validationErrors ?? []), ...(run.result.unknownEndpoints ?? [])].length;
if (json) {
  console.log(
    JSON.stringify({
      node: run.result.node,
      firstRun: first,
      unchangedRerun: rerun,
      target: FIRST_RUN_TARGET,
    }),
  );
} else {
  console.log(
    `first run: ${first.requests} requests, ${first.roundTrips} round trips (target: at most ${FIRST_RUN_TARGET.requests} requests, ${FIRST_RUN_TARGET.roundTrips} round trips)`,
  );
  console.log(`unchanged rerun: ${rerun.requests} requests, ${rerun.roundTrips} round trips`);
  if (problems)
    console.log(
      `(the action's requests had ${problems} rejected or unknown-endpoint answers: see ${run.outDir}/result.json)`,
    );
}
