// A custom schema loosened in the PR itself is ignored: the base branch's schema applies (its Q1 rule fires, and the
// Q7/Q12 ranges the PR tried to loosen still fail).
import { gate, prConversation } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  for (const q of [1, 7, 12])
    t.ge(v.findings(1, { question: q, severity: 'error' }).length, 1, `error findings on question ${q}`);
  await prConversation(v, t, 1);
  const head = v.own('reviews')[0]?.commit_id;
  const reads = v.requests(1).filter((x) => x.path.endsWith('/contents/.github/report-schema.json'));
  t.ge(reads.length, 1, 'requests for the schema file');
  for (const q of reads)
    t.ok(!head || q.query?.ref !== head, `schema read at the PR head ${head.slice(0, 7)}`);
}
