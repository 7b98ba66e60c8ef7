// Read faults, one scenario per read x fault kind, generated from the two tables below. Run 1 is a clean first run
// of report-changed (a review, a summary, inline threads); the fault strikes the read in run 2, a rerun on the same
// head. A 5xx, a reset or a hang is retried and the rerun fails on the findings as run 1 did; an answer that is not
// what the API documents (a surprising JSON body, raw text, an empty body, a truncated tree) fails as "could not
// run" and never as a pass, a missing report or an untouched one; a tree that cannot be had names the image checks
// as skipped and leaves their threads open (lib/read-faults.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortHang } from '../lib/hang.mjs';
import { readFaultChecks } from '../lib/read-faults.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const load = (name) => JSON.parse(readFileSync(join(here, `${name}.json`), 'utf8'));

/**
 * Each read: the base scenario, its route, and which matching request is run 2's (`nth`, over the scenario), and
 * what a malformed answer to it costs: the whole run (`could-not-run`) or the checks that need it (`skipped`).
 */
export const READS = {
  'pull-request': { base: 'report-changed', route: 'POST /graphql', nth: 2, malformed: 'could-not-run' },
  // After a push: a rerun attempt on the same head and base takes the file list from our summary's marker instead.
  'pull-files': {
    base: 'push-unrelated-change',
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    nth: 2,
    malformed: 'could-not-run',
  },
  report: {
    base: 'report-changed',
    route: 'GET /repos/{owner}/{repo}/contents/reports/README.md',
    nth: 2,
    malformed: 'could-not-run',
  },
  tree: {
    base: 'report-changed',
    route: 'GET /repos/{owner}/{repo}/git/trees/**',
    nth: 2,
    malformed: 'skipped',
  },
  'base-schema': {
    base: 'custom-schema-loosened',
    route: 'GET /repos/{owner}/{repo}/contents/.github/report-schema.json',
    nth: 2,
    malformed: 'could-not-run',
  },
};

/** Each fault kind, and whether the read recovers from it (a retry) or its answer is malformed. */
export const FAULTS = {
  500: { fault: { status: 500 }, recovers: true },
  502: { fault: { status: 502 }, recovers: true },
  reset: { fault: { reset: true }, recovers: true },
  hang: { fault: { hang: true }, recovers: true, hang: true },
  'json-body': { fault: { status: 200, body: { message: 'not an array', unicorn: true } }, recovers: false },
  'raw-text': { fault: { status: 200, raw: '<html>unicorn</html>' }, recovers: false },
  'empty-body': { fault: { status: 200, raw: '' }, recovers: false },
  truncated: {
    fault: { status: 200, body: { sha: '0', url: 'x', tree: [], truncated: true } },
    recovers: false,
    only: 'tree',
  },
};

function scenario(name, read, kind) {
  const base = load(read.base);
  const out = {
    ...base,
    name,
    description: `A read fault (${JSON.stringify(kind.fault)}) at ${read.route} #${read.nth}, run 2 (a rerun).`,
    latencyMs: 0,
    runs: 2,
    timeoutMs: 120000,
    faults: [{ route: read.route, nth: read.nth, count: 1, ...kind.fault }],
  };
  return kind.hang ? shortHang(out) : out;
}

export default Object.entries(READS).flatMap(([where, read]) =>
  Object.entries(FAULTS)
    .filter(([, kind]) => !kind.only || kind.only === where)
    .map(([kindName, kind]) => {
      const name = `read-fault-${where}-${kindName}`;
      const outcome = kind.recovers ? 'findings' : read.malformed;
      const expected = { ...read, outcome };
      return {
        name,
        scenario: scenario(name, read, kind),
        check: (v, t) => readFaultChecks(v, t, expected),
        // A run that could not run sets no result output.
        options: { expectOutputs: outcome !== 'could-not-run' },
      };
    }),
);
