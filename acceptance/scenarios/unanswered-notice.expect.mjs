// Q31 left as the placeholder: a notice (not strict), so the gate passes; the course checker would still warn about
// Q31 (its placeholder counts as 6 words), so the summary tables must show Q31 as not ok (common checks).
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 0, courseChecker: 'fail' });
  t.eq(v.outputs(1).errors, '0', 'output errors');
  t.ge(v.findings(1, { question: 31, severity: 'notice' }).length, 1, 'notice findings on question 31');
  t.ge(
    v.annotations(1).filter((a) => a.level === 'notice' && a.file).length,
    1,
    'notice annotations with a file',
  );
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
}
