// fail-on: warning: a report with only a warning fails the gate.
import { gate } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'pass' });
  t.eq(v.outputs(1).errors, '0', 'output errors');
  t.eq(v.outputs(1).warnings, '1', 'output warnings');
  t.eq(v.own('issueComments').length, 1, 'own summary comments');
}
