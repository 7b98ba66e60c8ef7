// GraphQL 502 then 429: retried, and the outcome is exactly that of report-changed.
import {
  errorAnnotations,
  faultsRecovered,
  gate,
  prConversation,
  violationFindings,
} from '../lib/expect.mjs';

export default async function (v, t) {
  faultsRecovered(v, t);
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
}
