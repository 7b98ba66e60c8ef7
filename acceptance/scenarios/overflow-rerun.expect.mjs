// Three runs on one head after a first review with more findings than its body has room to list: the findings it
// left out are not posted by a rerun (a second review each time, 30 more inline comments), since nothing changed.
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2, 3]) gate(v, t, k, { exit: 1, courseChecker: 'fail' });
  const inline1 = v.postedBodies(1, { onlyRun: true }).filter((b) => b.where === 'inline comment').length;
  t.eq(inline1, 30, 'run 1: inline comments');
  t.eq(v.own('reviews').length, 1, 'own reviews after 3 runs');
  t.eq(v.own('reviewComments').length, inline1, 'own inline comments after 3 runs vs run 1');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  for (const k of [2, 3]) {
    const posts = v.okWrites(k).filter((q) => q.method === 'POST' && q.path !== '/graphql');
    t.eq(
      posts.map((q) => q.route ?? q.path),
      [],
      `run ${k}: POST requests (a rerun posts nothing new)`,
    );
  }
}
