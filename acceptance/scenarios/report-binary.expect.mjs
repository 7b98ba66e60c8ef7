// The report is binary (NUL bytes): it is not checked; the step fails on the one report-binary finding, as for an
// oversized report, and not as "could not run" (no stack trace, which the common checks look for).
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1 });
  const rules = v.diagnostics(1).map((d) => d.ruleId);
  t.eq(rules, ['report-binary'], 'findings');
  t.ok(
    /binary file/.test(v.diagnostics(1)[0]?.message ?? ''),
    'the finding says the report is a binary file',
  );
  const cnr = v.annotations(1).find((a) => /could not run/i.test(a.message ?? ''));
  t.ok(!cnr, `failed as "could not run" instead of on the finding: ${cnr?.message}`);
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
  t.ok(
    /binary file/.test(v.own('issueComments')[0]?.body ?? ''),
    'the summary comment names the binary file',
  );
}
