// A dispatched rerun that could not run (the base branch's schema is broken) must still show on the PR: an `error` commit status on its head.
import { failedWithError, nothingPosted } from '../lib/expect.mjs';

export const options = { expectOutputs: false };

export default async function (v, t) {
  const run = v.run(1);
  failedWithError(
    v,
    t,
    (message) => /could not run: .*\.github\/report-schema\.json/.test(message),
    'says "could not run" and names the schema',
  );
  nothingPosted(v, t, { statuses: false });
  const statuses = v.state.statuses ?? [];
  t.eq(
    statuses.map((s) => [s.state, s.context]),
    [['error', 'report-check']],
    'commit statuses',
  );
  // The PR head: where the report was read.
  const head = v.requests(1).find((q) => q.path.endsWith('/contents/reports/README.md'))?.query?.ref;
  t.ok(head && head !== run.env.GITHUB_SHA, `report read at ${head}, not the PR head`);
  const st = statuses[0];
  t.eq(st?.sha ?? st?.url?.split('/').pop(), head, 'commit status sha (the PR head)');
}
