// The PR changed the report, then reverted it: the second run finds the report untouched. It must not leave the
// first run's "2 errors" summary and open threads behind.
import { gate, violationFindings } from '../lib/expect.mjs';

// Run 2 checks nothing, so it has no result to compare outputs with; run 1's are checked here.
export const options = { expectOutputs: false };

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  gate(v, t, 2, { exit: 0 });
  t.ge(v.annotations(2).filter((a) => a.level === 'notice').length, 1, 'run 2: notice annotations');
  const summaries = v.own('issueComments');
  t.eq(summaries.length, 1, 'own summary comments');
  const body = summaries[0]?.body ?? '';
  t.ok(
    /is not changed by this pull request/.test(body),
    `summary comment does not say the report is untouched`,
  );
  t.ok(!/\d+ errors?,/.test(body), 'summary comment still shows the counts of run 1');
  const threads = v.own('reviewComments');
  t.ge(threads.length, 1, 'own inline comments of run 1');
  const open = (v.state.thread ?? []).filter((x) => !x.isResolved);
  t.eq(open.length, 0, `unresolved threads after run 2 (${JSON.stringify(open.map((x) => x.id))})`);
  t.eq(
    v
      .okWrites(2)
      .filter((q) => q.method === 'POST')
      .map((q) => q.route ?? q.path),
    ['POST /graphql'],
    'run 2: POST requests (only the resolve mutation)',
  );
}
