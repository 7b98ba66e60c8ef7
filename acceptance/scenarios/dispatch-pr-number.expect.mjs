// workflow_dispatch with pr-number: the PR is checked and reviewed as on pull_request, and a commit status on the PR
// head SHA carries the result (a dispatched run's own check does not show on the PR).
import { errorAnnotations, gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
  const head = v.own('reviews')[0]?.commit_id;
  const statuses = v.state.statuses ?? [];
  t.eq(statuses.length, 1, 'commit statuses');
  const st = statuses[0];
  if (st) {
    t.eq(st.state, 'failure', 'commit status state');
    t.ok(
      head && (st.sha ?? st.url?.split('/').pop()) === head,
      `commit status not on the PR head ${head?.slice(0, 7)} (got ${JSON.stringify(st.sha ?? st.url)})`,
    );
    t.ok(st.context, 'commit status without a context');
    t.ok(
      st.sha !== v.run(1).env.GITHUB_SHA,
      'commit status on GITHUB_SHA (the default branch), not the PR head',
    );
  }
}
