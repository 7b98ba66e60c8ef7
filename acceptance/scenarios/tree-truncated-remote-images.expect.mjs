// A truncated tree costs nothing when no image is in the repository: the run ends on the findings, skipping nothing.
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1 });
  t.ok(
    v.requests(1).some((q) => q.fault && q.path.includes('/git/trees/')),
    'the tree listing was answered truncated',
  );
  const errors = v.annotations(1).filter((a) => a.level === 'error');
  t.eq(
    errors.filter((a) => a.message.includes('could not run')).length,
    0,
    `no "could not run" error: ${JSON.stringify(errors.map((a) => a.message))}`,
  );
  t.ge(v.findings(1, { severity: 'error', text: 'Question 7' }).length, 1, 'the Question 7 error');
  t.ge(v.findings(1, { severity: 'error', text: 'Question 12' }).length, 1, 'the Question 12 error');
  const summary = v.own('issueComments')[0]?.body ?? '';
  t.eq(summary.includes('could not run every check'), false, 'the summary comment names no skipped check');
}
