// pull_request_target from a fork: write token, head read from the fork as data; reviewed as on pull_request.
import { errorAnnotations, gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
}
