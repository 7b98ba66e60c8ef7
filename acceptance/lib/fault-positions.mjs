// Fault positions generated from the requests a clean run actually makes (fakegh's log), not from a hard-coded list:
// every request of every run (reads and writes, each GraphQL query or mutation, the 2nd and 3rd occurrence of a
// repeated request) becomes a position, and each fault kind (a retried transport fault, a write applied and its
// answer lost, or a 200 with a surprising body) can be put on it. The read side may merge or reorder requests; the
// positions follow it because they come from the log. scenarios/fault-positions.matrix.mjs runs a seeded sample.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { absoluteFiles, actionDir, fakeghDir, outRoot } from './fakegh.mjs';
import { couldNotRun, isWrite } from './checks.mjs';
import { HANG } from './hang.mjs';
import { faultStruck, nothingLost, oneOpenThread } from './write-faults.mjs';

/** A fakegh route matching exactly one logged path: every character literal (fakegh escapes all but `*` and `{x}`). */
const exactRoute = (q) => `${q.method} ${q.path.replace(/\*/g, '%2A')}`;

/** The requests a clean run of `scenario` makes, from fakegh's log (the action runs on the Node running this). */
export function cleanRequests(name, scenario) {
  const dir = join(outRoot, '.generated', `clean-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(absoluteFiles({ ...scenario, faults: [] })));
  const args = [join(fakeghDir, 'run-action.mjs'), '--action', actionDir, '--scenario', file, '--out', dir];
  const r = spawnSync(process.execPath, [...args, '--node', process.execPath], { encoding: 'utf8' });
  if (r.status !== 0) {
    // The error's own line (`Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'yaml' ...`), not the stack's tail.
    const why = r.stderr.split('\n').find((l) => /Error\b/.test(l)) ?? r.stderr.slice(-300);
    throw new Error(`clean run of ${name} failed (exit ${r.status}): ${why.trim()}`);
  }
  return JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).requests ?? [];
}

/** What a request is, for names: `r2-graphql-mutation-3`, `r1-get-pulls-files-1`, `r2-patch-issues-comments-1`. */
function label(q, n) {
  const what =
    q.path === '/graphql'
      ? isWrite(q)
        ? 'graphql-mutation'
        : 'graphql-query'
      : q.path
          .replace(/^\/repos\/[^/]+\/[^/]+\//, '')
          .split('/')
          .filter((s) => !/^[0-9a-f]{40}$|^\d+$/.test(s))
          .slice(0, 3)
          .join('-')
          .replace(/[^A-Za-z0-9-]+/g, '');
  return `r${q.run}-${q.method.toLowerCase()}-${what}-${n}`;
}

/** Every request of a clean run as a position: its exact route and which match it is over the whole scenario. */
export function positionsOf(requests) {
  const seen = new Map();
  const names = new Map();
  return requests.map((q) => {
    const route = exactRoute(q);
    const nth = (seen.get(route) ?? 0) + 1;
    seen.set(route, nth);
    const base = label(q, 0).slice(0, -2);
    const k = (names.get(base) ?? 0) + 1;
    names.set(base, k);
    return {
      name: `${base}-${k}`,
      route,
      nth,
      run: q.run,
      write: isWrite(q),
      graphql: q.path === '/graphql',
    };
  });
}

const HTML =
  '<!DOCTYPE html><html><head><title>Unicorn! · GitHub</title></head><body><h1>No server is currently available to service your request.</h1></body></html>';

/**
 * The fault kinds. `retried`: a transport fault the action must retry (5xx, reset, hang); `after`: the write is
 * carried out and its answer lost; `body`: a 200 whose body is not what the API documents.
 */
export const KINDS = {
  502: { fault: { status: 502 }, class: 'retried' },
  reset: { fault: { reset: true }, class: 'retried' },
  hang: { fault: { hang: true }, class: 'retried', hang: true },
  'applied-502': { fault: { after: true, status: 502 }, class: 'after', writesOnly: true },
  'applied-reset': { fault: { after: true, reset: true }, class: 'after', writesOnly: true },
  'body-object': { fault: { status: 200, body: {} }, class: 'body' },
  'body-array': { fault: { status: 200, body: [] }, class: 'body' },
  'body-null': { fault: { status: 200, body: null }, class: 'body' },
  'body-wrong-shape': {
    fault: {
      status: 200,
      body: {
        id: 'x',
        sha: 7,
        tree: 'none',
        files: {},
        content: 12,
        encoding: 'gzip',
        data: [],
        html_url: null,
        message: 'ok',
      },
    },
    class: 'body',
  },
  'body-html': { fault: { status: 200, raw: HTML }, class: 'body' },
  'body-empty': { fault: { status: 200, raw: '' }, class: 'body' },
  'body-huge': { fault: { status: 200, body: { message: 'x'.repeat(3 << 20) } }, class: 'body' },
  'graphql-errors': {
    fault: {
      status: 200,
      body: {
        data: null,
        errors: [{ type: 'INTERNAL', message: 'Something went wrong while executing your query.' }],
      },
    },
    class: 'body',
    graphqlOnly: true,
  },
  'graphql-empty-data': { fault: { status: 200, body: { data: {} } }, class: 'body', graphqlOnly: true },
  // The keys of a pull request read (and of a mutation's answer) with nothing behind them: an empty, open pull
  // request with no threads and no comments, which a reader that checks only the top would take as "nothing posted".
  'graphql-right-looking': {
    fault: {
      status: 200,
      body: {
        data: {
          repository: {
            pullRequest: {
              number: 42,
              headRefOid: '0',
              reviewThreads: { nodes: [] },
              comments: { nodes: [] },
            },
          },
          resolveReviewThread: { thread: null },
        },
      },
    },
    class: 'body',
    graphqlOnly: true,
  },
  'graphql-partial': {
    fault: {
      status: 200,
      body: {
        data: { repository: { pullRequest: null } },
        errors: [
          { type: 'TIMEOUT', path: ['repository', 'pullRequest'], message: 'Timeout on validation of query' },
        ],
      },
    },
    class: 'body',
    graphqlOnly: true,
  },
};

/** Whether a fault kind applies to a position. */
export const fits = (kind, p) => (!kind.writesOnly || p.write) && (!kind.graphqlOnly || p.graphql);

/** xmur3/mulberry32: a small seeded generator, so the sample is the same on every machine and run. */
export function seeded(seed) {
  let h = 1779033703 ^ seed.length;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 3432918353);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The invariants for one generated scenario: never a pass; the faulted run fails on the findings when the
 * fault was retried or the lost answer read back, as "could not run" (or on the findings) when an answer was
 * malformed; no duplicate review, inline comment or summary; no finding of the last good run lost; each run
 * within its budget; the summary comment whole (its marker as its last line).
 */
export function positionChecks(v, t, p) {
  faultStruck(v, t, p);
  const budget = Number(v.scenario.inputs?.['timeout-seconds'] ?? 120) * 1000;
  v.runs.forEach((run, i) => {
    const k = i + 1;
    const tag = `run ${k}: `;
    t.eq(run.exitCode, 1, `${tag}exit code (never a pass)`);
    t.eq(run.conclusion, 'failure', `${tag}conclusion`);
    const cnr = couldNotRun(run);
    const malformed = k === p.run && p.class === 'body';
    if (!malformed) t.ok(!cnr, `${tag}failed as "could not run" instead of on the findings: ${cnr?.message}`);
    else if (!p.write)
      t.ok(cnr || v.diagnostics(k).length > 0, `${tag}a malformed read neither "could not run" nor findings`);
    t.ok(
      run.durationMs <= (p.hang ? Math.min(budget, HANG.budgetSeconds * 1000) : budget),
      `${tag}took ${run.durationMs} ms, over its budget`,
    );
  });
  // A malformed answer may leave a check unrun (the tree: the image checks); the next run posts its findings anew.
  const reviews = p.reviews + (p.class === 'body' ? 1 : 0);
  t.le(v.own('reviews').length, reviews, 'own reviews (one per run with something new)');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  const sticky = v.own('issueComments')[0]?.body ?? '';
  t.ok(
    /<!-- report-check[^\n]*-->\s*$/.test(sticky),
    `summary comment not whole: ${JSON.stringify(sticky.slice(-80))}`,
  );
  oneOpenThread(v, t);
  // The last run is a clean rerun: everything it found is shown on the PR.
  nothingLost(v, t);
}
