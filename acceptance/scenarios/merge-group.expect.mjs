// No PR in the payload: check the report at GITHUB_SHA (it has the violations), post no comments, fail the gate.
import { errorAnnotations, gate, nothingPosted, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  nothingPosted(v, t);
  for (const q of v.requests(1).filter((x) => x.path.endsWith('/contents/reports/README.md')))
    t.eq(q.query?.ref, v.run(1).env.GITHUB_SHA, 'ref the report was read at');
}
