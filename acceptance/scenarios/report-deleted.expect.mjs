// The PR deletes the report: the check still reports, failing with a finding that names the report, posted as usual.
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1 });
  t.ge(
    v.findings(1, { severity: 'error', text: 'reports/README.md' }).length,
    1,
    'error findings naming reports/README.md',
  );
  t.eq(
    v.own('reviews').length + v.own('issueComments').length >= 1,
    true,
    'posted a review or summary comment',
  );
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
}
