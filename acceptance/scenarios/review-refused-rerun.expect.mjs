// GitHub refuses the first review (422): every finding goes into the body of a second try. The rerun finds them
// listed there and posts no new review.
import { gate, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  const refused = v.requests(1).filter((q) => q.fault && q.status === 422);
  t.eq(refused.length, 1, 'run 1: reviews refused with 422');
  t.eq(v.own('reviews').length, 1, 'own reviews after 2 runs');
  t.eq(v.own('reviewComments').length, 0, 'own inline comments (all findings went to the body)');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  const posts = v.okWrites(2).filter((q) => q.method === 'POST' && q.path !== '/graphql');
  t.eq(
    posts.map((q) => q.route ?? q.path),
    [],
    'run 2: POST requests (a rerun posts nothing new)',
  );
}
