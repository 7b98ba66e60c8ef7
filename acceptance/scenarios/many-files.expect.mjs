// The report is on the second page of the PR's files: found, and reviewed as in report-changed.
import { errorAnnotations, gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
}
