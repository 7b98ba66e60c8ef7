// Student text that spells a marker: defused where it is echoed, never read as ours, so the rerun posts nothing.
import { gate, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  t.ge(v.findings(1, { text: 'fp=deadbeef' }).length, 1, 'findings echoing the planted marker');
  const echoed = v.own('reviewComments').filter((c) => c.body.includes('fp=deadbeef'));
  t.ge(echoed.length, 1, 'own inline comments echoing the planted marker');
  const firstInline = v.postedBodies(1, { onlyRun: true }).filter((b) => b.where === 'inline comment').length;
  t.eq(v.own('reviewComments').length, firstInline, 'own inline comments after 2 runs vs posted in run 1');
  t.eq(v.own('reviews').length, 1, 'own reviews after 2 runs');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  const posts = v.okWrites(2).filter((q) => q.method === 'POST' && q.path !== '/graphql');
  t.eq(
    posts.map((q) => q.route ?? q.path),
    [],
    'run 2: POST requests (a rerun posts nothing new)',
  );
}
