// The report at a custom path: images resolve against its folder; reviewed as in report-changed.
import { errorAnnotations, gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
}
