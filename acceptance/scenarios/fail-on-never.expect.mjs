// fail-on: never: the violations are posted as usual, and the step succeeds.
import { gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 0, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  await prConversation(v, t, 1);
}
