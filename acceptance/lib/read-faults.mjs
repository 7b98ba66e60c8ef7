// What every read-fault scenario must show (scenarios/read-faults.matrix.mjs): the fault struck the read it was
// meant to, in run 2 (a rerun on the same head after a clean run 1); no duplicate review, inline comment or summary;
// no finding lost; the job outcome right (a recovered read fails on the findings, a malformed or truncated answer
// fails as "could not run", never a pass); each run within its budget.
import { couldNotRun, normalize } from './checks.mjs';

/** The action's default `timeout-seconds`: every run must end within its scenario's budget, hung requests included. */
const DEFAULT_BUDGET_S = 120;

function faultStruck(v, t, p) {
  const hits = v.requests().filter((q) => q.fault);
  t.ge(hits.length, 1, `requests the fault answered (${p.route} #${p.nth})`);
  for (const q of hits) t.eq(q.run, 2, 'run the faulted request fell in');
}

function outcomes(v, t, p) {
  v.runs.forEach((run, i) => {
    const k = i + 1;
    const tag = `run ${k}: `;
    t.eq(run.exitCode, 1, `${tag}exit code (never a pass)`);
    t.eq(run.conclusion, 'failure', `${tag}conclusion`);
    const expected = k === 2 ? p.outcome : 'findings';
    const cnr = couldNotRun(run);
    if (expected === 'findings')
      t.ok(!cnr, `${tag}failed as "could not run" instead of on the findings: ${cnr?.message}`);
    else
      t.ok(
        cnr,
        `${tag}did not fail as "could not run" (${expected}); annotations: ${(run.annotations ?? [])
          .map((a) => a.message)
          .join(' | ')
          .slice(0, 200)}`,
      );
    const limit = Number(v.scenario.inputs?.['timeout-seconds'] ?? DEFAULT_BUDGET_S) * 1000;
    t.ok(run.durationMs <= limit, `${tag}took ${run.durationMs} ms, over its budget of ${limit} ms`);
  });
}

function noDuplicates(v, t) {
  t.eq(v.own('reviews').length, 1, 'own reviews (run 1 posts one; the rerun has nothing new)');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  const keys = v.own('reviewComments').map((c) => /fp=(\S+) -->\s*$/.exec(c.body)?.[1]);
  t.eq(keys.length, new Set(keys).size, 'inline comments of one finding');
}

/** Every finding run 1 posted is still shown on the PR: an open thread, a review body or the summary. */
function nothingLost(v, t) {
  const shown = [
    ...v.own('reviewComments').filter((c) => !c.thread?.isResolved && !c.minimized),
    ...v.own('reviews'),
  ].map((x) => normalize(x.body));
  const lost = v.diagnostics(1).filter((d) => !shown.some((s) => s.includes(normalize(d.message))));
  t.eq(
    lost.map((d) => `L${d.line} ${d.message}`),
    [],
    'findings of run 1 no longer shown on the PR',
  );
  t.ge(v.diagnostics(1).length, 1, 'findings of run 1');
}

/** The tree could not be listed: the image checks are named as skipped, and their threads stay open. */
function imagesSkipped(v, t) {
  const run = v.run(2);
  t.ok(/could not run every check/.test(run.summary ?? ''), 'run 2: job summary names the skipped checks');
  const sticky = v.own('issueComments')[0]?.body ?? '';
  t.ok(
    /could not run every check[\s\S]*`image-missing`/.test(sticky),
    'summary comment names the skipped checks',
  );
  const images = v.own('reviewComments').filter((c) => /`image-missing`/.test(c.body));
  t.ge(images.length, 1, 'image-missing threads of run 1');
  for (const c of images)
    t.ok(!c.thread?.isResolved && !c.minimized, `image-missing thread ${c.id} resolved`);
}

export function readFaultChecks(v, t, p) {
  faultStruck(v, t, p);
  outcomes(v, t, p);
  noDuplicates(v, t);
  nothingLost(v, t);
  if (p.outcome === 'skipped') imagesSkipped(v, t);
}
