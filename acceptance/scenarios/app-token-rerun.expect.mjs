// A GitHub App token: the action tells its own comments by viewerDidAuthor, so a rerun posts and edits nothing.
import { gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  await prConversation(v, t, 2, { reviews: 1 });
  t.ok(
    v.own('issueComments').every((c) => c.user?.login === 'report-check-app[bot]'),
    'own summary comment written by the App',
  );
  t.eq(
    v.okWrites(2).map((q) => `${q.method} ${q.route ?? q.path}`),
    [],
    'run 2: writes (a rerun posts and edits nothing)',
  );
}
