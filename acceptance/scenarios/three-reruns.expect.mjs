// Three runs on one head (re-run attempts): one summary comment, one review, no duplicate inline comments; the
// reruns post nothing new. Run 2 is the "unchanged rerun" of the bench.
import { gate, prConversation, violationFindings } from '../lib/expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2, 3]) {
    gate(v, t, k, { exit: 1, courseChecker: 'fail' });
    violationFindings(v, t, k);
  }
  await prConversation(v, t, 3, { reviews: 1 });
  const firstInline = v.postedBodies(1, { onlyRun: true }).filter((b) => b.where === 'inline comment').length;
  t.eq(v.own('reviewComments').length, firstInline, 'own inline comments after 3 runs vs posted in run 1');
  const keys = v.own('reviewComments').map((c) => `${c.path}:${c.line}:${c.body}`);
  t.eq(new Set(keys).size, keys.length, 'distinct own inline comments');
  for (const k of [2, 3]) {
    const posts = v.okWrites(k).filter((q) => q.method === 'POST' && q.path !== '/graphql');
    t.eq(
      posts.map((q) => q.route ?? q.path),
      [],
      `run ${k}: POST requests (a rerun posts nothing new)`,
    );
  }
  const s1 = v.stats(1),
    s2 = v.stats(2);
  t.note(
    `first run: ${s1.requests} requests, ${s1.roundTrips} round trips; unchanged rerun: ${s2.requests} requests, ${s2.roundTrips} round trips`,
  );
  t.le(s2.requests, s1.requests, 'unchanged rerun requests vs first run');
  // Round trips are a note here (see firstRunTargets); the bench holds them to RERUN_TARGET.
}
