// Far more findings than one review may carry inline: the common checks cover "≤ 30 inline comments per review",
// "no finding lost" and body sizes; here: one review, one summary comment with a row for every failing question.
import { errorAnnotations, gate } from '../lib/expect.mjs';
import { hasQuestionRow } from '../lib/checks.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  t.ge(v.diagnostics(1).length, 80, 'findings');
  errorAnnotations(v, t, 1);
  t.eq(v.own('reviews').length, 1, 'own reviews');
  t.ge(v.own('reviewComments').length, 1, 'own inline comments');
  const summary = v.own('issueComments');
  t.eq(summary.length, 1, 'own summary comments');
  const failing = (v.report(1)?.courseChecker?.failures ?? []).map((f) => f.question);
  t.ge(failing.length, 20, 'questions the course checker fails');
  const missing = [...new Set(failing)].filter((q) => summary[0] && !hasQuestionRow(summary[0].body, q));
  t.eq(missing, [], 'failing questions without a row in the summary comment');
}
