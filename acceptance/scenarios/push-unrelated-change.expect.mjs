// A push that fixes nothing but moves every finding down: nothing new is posted inline, no own thread is resolved,
// one summary comment stays.
import { gate, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  const fp = (k) =>
    v
      .diagnostics(k)
      .map((d) => d.fingerprint)
      .sort();
  t.eq(fp(2), fp(1), 'run 2 finding fingerprints vs run 1');
  const firstInline = v.postedBodies(1, { onlyRun: true }).filter((b) => b.where === 'inline comment').length;
  t.eq(v.own('reviewComments').length, firstInline, 'own inline comments after run 2 vs posted in run 1');
  t.eq(
    v.own('reviewComments').filter((c) => c.thread?.isResolved || c.minimized).length,
    0,
    'own threads resolved or minimized',
  );
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
}
