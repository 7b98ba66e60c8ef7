// 120 foreign comments, then two runs on one head: the rerun must find its own summary comment past the first page.
import { gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  await prConversation(v, t, 2);
  t.eq(v.foreign('issueComments').length, 120, 'foreign issue comments');
  const posts = v.okWrites(2).filter((q) => q.method === 'POST' && q.path !== '/graphql');
  t.eq(
    posts.map((q) => q.path),
    [],
    'run 2: POST requests (a rerun posts nothing new)',
  );
}
