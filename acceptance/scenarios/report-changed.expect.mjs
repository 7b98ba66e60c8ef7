// The report changed with violations: one review, one summary comment, annotations, a failing gate, and the
// first-run targets of issue 12 (2 round trips, at most 6 requests).
import {
  errorAnnotations,
  firstRunTargets,
  gate,
  prConversation,
  violationFindings,
} from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
  firstRunTargets(v, t, 1);
}
