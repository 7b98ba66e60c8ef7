// What every write-fault scenario must show (scenarios/write-faults.matrix.mjs): the fault struck where it was
// meant to; no duplicate review, inline comment or summary; no finding lost; every run fails on the findings (never
// a pass, never "could not run"); each run within its budget; the closing rerun writes nothing.
import { couldNotRun, isWrite, normalize } from './checks.mjs';
import { HANG } from './hang.mjs';

/** A run whose requests all get an answer has no reason to take long (the action's own work is well under 1 s). */
export const ANSWERED_RUN_MS = 30_000;

const FINDING = /<!-- report-check:finding fp=(\S+) -->\s*$/;

/** The finding key of one of our inline comments, or null. */
const keyOf = (body) => FINDING.exec(String(body ?? '').trimEnd())?.[1] ?? null;

/** The fault answered exactly one request, in the run it was meant for (a mutation when `p.mutation`). */
export function faultStruck(v, t, p) {
  const hits = v.requests().filter((q) => q.fault);
  t.eq(hits.length, 1, `requests the fault answered (${p.route} #${p.nth})`);
  for (const q of hits) {
    t.eq(q.run, p.run, 'run the faulted request fell in');
    if (p.mutation)
      t.ok(
        isWrite(q),
        `the faulted GraphQL request is not a mutation: ${q.requestBody?.query?.slice(0, 60)}`,
      );
  }
}

function outcomes(v, t, p) {
  v.runs.forEach((run, i) => {
    const tag = `run ${i + 1}: `;
    t.eq(run.exitCode, 1, `${tag}exit code (the findings fail the step)`);
    t.eq(run.conclusion, 'failure', `${tag}conclusion`);
    t.ge(Number(run.outputs?.errors), 1, `${tag}output errors`);
    const couldNot = couldNotRun(run);
    t.ok(!couldNot, `${tag}failed as "could not run" instead of on the findings: ${couldNot?.message}`);
    const ms = run.durationMs;
    // A hang scenario's `timeout-seconds` (lib/hang.mjs): the run must end within it, the hung request included.
    const limit = p.hang && i + 1 === p.run ? HANG.budgetSeconds * 1000 : ANSWERED_RUN_MS;
    t.ok(Number.isFinite(ms) && ms <= limit, `${tag}took ${ms} ms, over its budget of ${limit} ms`);
  });
}

function noDuplicates(v, t, p) {
  t.eq(v.own('reviews').length, p.reviews, 'own reviews (one per run that had something new)');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  const posted = new Map();
  for (const c of v.own('reviewComments')) {
    const key = keyOf(c.body);
    t.ok(key, `own inline comment without a finding marker: ${JSON.stringify(c.body.slice(0, 80))}`);
    const at = `${key}@${c.original_commit_id ?? c.commit_id}`;
    posted.set(at, (posted.get(at) ?? 0) + 1);
  }
  for (const [at, n] of posted) t.le(n, 1, `inline comments of finding ${at} on one commit`);
  oneOpenThread(v, t);
}

/** Each finding has at most one open inline thread. */
export function oneOpenThread(v, t) {
  const open = new Map();
  for (const c of v.own('reviewComments')) {
    const key = keyOf(c.body);
    if (key && !c.thread?.isResolved && !c.minimized) open.set(key, (open.get(key) ?? 0) + 1);
  }
  for (const [key, n] of open) t.le(n, 1, `open threads of finding ${key}`);
}

/** Every finding of the last run is shown now: an open inline thread, a review body or the summary comment. */
export function nothingLost(v, t) {
  const k = v.runs.length;
  const shown = [
    ...v.own('reviewComments').filter((c) => !c.thread?.isResolved && !c.minimized),
    ...v.own('reviews'),
    ...v.own('issueComments'),
  ].map((x) => normalize(x.body));
  const lost = v.diagnostics(k).filter((d) => !shown.some((s) => s.includes(normalize(d.message))));
  t.ok(
    lost.length === 0,
    `${lost.length} finding(s) of the last run shown nowhere on the PR, e.g. ${lost
      .slice(0, 2)
      .map((d) => `L${d.line} ${d.message}`)
      .join('; ')}`,
  );
  t.ge(v.diagnostics(k).length, 1, 'findings of the last run');
}

/** Moved findings (Q14's line edited): its old thread is resolved, and it has one open thread at its new line. */
function movedFollowed(v, t) {
  const current = new Set(v.diagnostics(v.runs.length).map((d) => d.fingerprint));
  const outdated = v.own('reviewComments').filter((c) => c.line == null && keyOf(c.body));
  t.ge(
    outdated.filter((c) => current.has(keyOf(c.body))).length,
    1,
    'outdated threads of a finding still there (moved)',
  );
  for (const c of outdated) {
    const key = keyOf(c.body);
    t.ok(c.thread?.isResolved || c.minimized, `outdated thread of ${key} left open`);
    if (!current.has(key)) continue; // fixed by the push (Q12), or changed (Q7's word count)
    const now = v.own('reviewComments').filter((x) => x.line != null && keyOf(x.body) === key);
    t.eq(now.length, 1, `current threads of the moved finding ${key}`);
  }
}

export function writeFaultChecks(v, t, p) {
  faultStruck(v, t, p);
  outcomes(v, t, p);
  noDuplicates(v, t, p);
  nothingLost(v, t);
  if (p.base === 'moved') movedFollowed(v, t);
  const last = v.runs.length;
  const wrote = v.okWrites(last).concat(v.writes(last).filter((q) => q.applied));
  t.eq(
    wrote.map((q) => `${q.method} ${q.route ?? q.path}`),
    [],
    `run ${last} (a rerun with nothing new): writes`,
  );
}
