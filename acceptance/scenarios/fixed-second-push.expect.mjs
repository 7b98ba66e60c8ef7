// Run 1 reviews the violations; a push fixes them; run 2 passes, resolves (or minimizes) every old thread of its own,
// keeps one summary comment updated in place, and posts no inline comment about the fixed findings.
import { gate, violationFindings } from '../lib/expect.mjs';
import { normalize } from '../lib/checks.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  gate(v, t, 2, { exit: 0, courseChecker: 'pass' });
  t.eq(v.outputs(2).errors, '0', 'run 2: output errors');
  t.eq(v.findings(2, { text: 'wandb_runs.png' }).length, 0, 'run 2: findings about the fixed Q14 screenshot');
  t.eq(v.own('issueComments').length, 1, 'own summary comments after run 2');
  const summary = v.own('issueComments')[0];
  t.ok(
    !summary ||
      v.okWrites(2).some((q) => q.method === 'PATCH' && q.path.endsWith(`/issues/comments/${summary.id}`)),
    'run 2 did not update the summary comment in place',
  );
  // Every inline comment of run 1's review is about a fixed finding now: its thread is resolved or it is minimized.
  const firstReview = v.own('reviews')[0];
  const old = v
    .own('reviewComments')
    .filter((c) => firstReview && c.pull_request_review_id === firstReview.id);
  t.ge(old.length, 1, 'inline comments of run 1');
  for (const c of old)
    t.ok(
      c.thread?.isResolved || c.minimized,
      `old thread on line ${c.original_line ?? c.line} neither resolved nor minimized`,
    );
  // New inline comments of run 2 may only be about run 2's findings.
  const now = v.diagnostics(2).map((d) => normalize(d.message));
  for (const c of v.own('reviewComments').filter((x) => !old.includes(x)))
    t.ok(
      now.some((m) => normalize(c.body).includes(m)),
      `run 2 posted an inline comment about no current finding: ${JSON.stringify(c.body.slice(0, 100))}`,
    );
}
