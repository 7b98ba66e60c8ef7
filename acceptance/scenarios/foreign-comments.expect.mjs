// Other people's comments (one quoting the bot's marker, one appearing mid-run, a resolved thread of a student, an
// approval) are never edited, deleted, minimized or resolved, over two runs; the bot keeps exactly one summary of its own.
import { gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  await prConversation(v, t, 2);
  const want = v.scenario.existing;
  const issue = v.foreign('issueComments');
  t.eq(
    issue.map((c) => c.body),
    want.issueComments.map((c) => c.body),
    'foreign issue comments (bodies, in order)',
  );
  t.ok(
    issue.every((c) => !c.minimized),
    'a foreign issue comment was minimized',
  );
  const review = v.foreign('reviewComments');
  t.eq(
    review.map((c) => c.body),
    want.reviewComments.map((c) => c.body),
    'foreign review comments (bodies)',
  );
  t.eq(
    review.map((c) => Boolean(c.thread?.isResolved)),
    want.reviewComments.map((c) => Boolean(c.resolved)),
    'foreign threads resolved state',
  );
  t.ok(
    review.every((c) => !c.minimized),
    'a foreign review comment was minimized',
  );
  t.eq(
    v
      .foreign('reviews')
      .filter((r) => r.user?.login === 'teacher-tom')
      .map((r) => r.state),
    ['APPROVED'],
    "the teacher's approval",
  );
  t.ok(!v.writes().some((q) => q.method === 'POST' && /\/replies$/.test(q.path)), 'replied to a thread');
}
