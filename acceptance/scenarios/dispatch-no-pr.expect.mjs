// workflow_dispatch without pr-number: check the report at the dispatched ref (main has the violations), post
// nothing, fail on the findings.
import { errorAnnotations, gate, nothingPosted, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  nothingPosted(v, t);
  for (const q of v.requests(1).filter((x) => x.path.endsWith('/contents/reports/README.md')))
    t.ok(
      [undefined, 'main', 'refs/heads/main', v.run(1).env.GITHUB_SHA].includes(q.query?.ref),
      `report read at ref ${q.query?.ref}, not the dispatched ref`,
    );
}
