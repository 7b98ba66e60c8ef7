// A dispatched rerun whose file list comes back empty (a 200 with []) while GitHub counts the report as changed must
// not read as "report not changed": that would set a success status and resolve every thread as fixed.
import { failedWithError, nothingPosted } from '../lib/expect.mjs';

export const options = { expectOutputs: false };

export default async function (v, t) {
  failedWithError(
    v,
    t,
    (message) =>
      /could not run: .*list the files of pull request #49.*no files, while GitHub counts 1 changed/.test(
        message,
      ),
    'says "could not run" and names the file list',
  );
  nothingPosted(v, t, { statuses: false });
  t.eq(
    (v.state.statuses ?? []).map((s) => [s.state, s.context]),
    [['error', 'report-check']],
    'commit statuses',
  );
  const counts = v.requests(1).filter((q) => q.method === 'GET' && /\/pulls\/49$/.test(q.path));
  t.eq(counts.length, 1, 'GitHub asked once for its count of changed files');
}
