// The suggestions PR, then a push committing its three suggested changes: applying them as GitHub does gives exactly
// the pushed report; run 2 resolves those three threads, keeps Question 5's open and posts nothing new.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gate, reportPath } from '../lib/expect.mjs';
import { applySuggestions, suggested } from './suggestions.expect.mjs';

export default async function (v, t) {
  for (const k of [1, 2]) gate(v, t, k, { exit: 0, courseChecker: 'pass' });
  const head = v.fileText('head', reportPath(v));
  const pushed = readFileSync(resolve(v.scenarioDir, v.scenario.pushes[0].files[reportPath(v)].file), 'utf8');
  const items = suggested(v);
  t.eq(items.filter((s) => s.text !== null).length, 3, 'run 1: comments with a suggestion');
  t.ok(applySuggestions(head, items) === pushed, 'the suggestions, committed, give the pushed report');
  for (const s of items) {
    const open = s.text === null;
    t.eq(Boolean(s.c.thread?.isResolved || s.c.minimized), !open, `L${s.line} ${s.rule}: resolved`);
  }
  t.eq(v.findings(2, { text: 'markers' }).length, 1, 'run 2: only the Q5 markers finding is left of them');
  const posts = v.okWrites(2).filter((q) => q.method === 'POST' && q.path !== '/graphql');
  t.eq(
    posts.map((q) => q.route ?? q.path),
    [],
    'run 2: POST requests (nothing new to post)',
  );
}
