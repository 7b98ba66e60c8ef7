// Fork PR, read-only token: every write is refused with 403. The action degrades to annotations + job summary, logs
// one notice about the permissions, still fails on the findings and leaves the existing comments alone.
import { errorAnnotations, gate, nothingPosted, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  nothingPosted(v, t);
  const notices = v
    .annotations(1)
    .filter((a) => a.level === 'notice' && /permission|read-only|403|fork|not accessible/i.test(a.message));
  t.eq(notices.length, 1, 'notices explaining the permissions');
  t.ok(
    !v.annotations(1).some((a) => a.level === 'error' && /could not run/i.test(a.message)),
    'a 403 on writes made the action report "could not run"',
  );
  t.eq(v.foreign('issueComments').length, 2, 'foreign issue comments (both, the second appeared mid-run)');
  t.eq(v.foreign('reviewComments').length, 1, 'foreign review comments');
}
