// pull_request_target: GITHUB_SHA is the base branch; the PR head is read as data and reviewed as on pull_request.
import { errorAnnotations, gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
}
