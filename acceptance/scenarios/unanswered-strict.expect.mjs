// strict: true (final hand-in): the unanswered Q31 is an error and the gate fails.
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  t.ge(v.findings(1, { question: 31, severity: 'error' }).length, 1, 'error findings on question 31');
  t.eq(v.findings(1, { severity: 'notice' }).length, 0, 'notice findings');
}
