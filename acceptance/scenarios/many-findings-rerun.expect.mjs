// A rerun on one head after a first review that listed findings in its body (past the 30-inline cap): those
// findings are already posted, so the rerun posts nothing (no inline comments for them, no second review).
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) gate(v, t, k, { exit: 1, courseChecker: 'fail' });
  const inline1 = v.postedBodies(1, { onlyRun: true }).filter((b) => b.where === 'inline comment').length;
  t.eq(inline1, 30, 'run 1: inline comments');
  t.eq(v.own('reviews').length, 1, 'own reviews after 2 runs');
  t.eq(v.own('reviewComments').length, inline1, 'own inline comments after 2 runs vs run 1');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  const posts = v.okWrites(2).filter((q) => q.method === 'POST' && q.path !== '/graphql');
  t.eq(
    posts.map((q) => q.route ?? q.path),
    [],
    'run 2: POST requests (a rerun posts nothing new)',
  );
}
