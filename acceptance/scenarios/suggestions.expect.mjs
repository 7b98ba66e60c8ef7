// Findings with fixes on diff lines: their inline comments carry GitHub suggested changes over exactly the lines they
// replace (fakegh checks every comment's lines against the hunk, start_line before line); Question 5's fix would show
// a markdown link, so that comment has no suggestion. The rerun on the same head posts nothing new.
import { gate, reportPath } from '../lib/expect.mjs';

const BLOCK = /\n```suggestion\n([\s\S]*?)```\n/;

/** Our inline comments of the first review, each with its lines and its suggested text (null: none). */
export function suggested(v) {
  const review = v.own('reviews')[0];
  return v
    .own('reviewComments')
    .filter((c) => review && c.pull_request_review_id === review.id)
    .map((c) => {
      const m = BLOCK.exec(c.body);
      const line = c.original_line ?? c.line;
      const start = c.original_start_line ?? c.start_line ?? line;
      return { rule: /\[`([a-z-]+)`\]/.exec(c.body)?.[1], start, line, text: m ? m[1] : null, c };
    });
}

/** The head text with every suggestion committed, as GitHub does: the comment's lines replaced by its text. */
export function applySuggestions(text, items) {
  const lines = text.split('\n');
  for (const s of [...items].filter((x) => x.text !== null).sort((a, b) => b.start - a.start))
    lines.splice(
      s.start - 1,
      s.line - s.start + 1,
      ...(s.text === '' ? [] : s.text.slice(0, -1).split('\n')),
    );
  return lines.join('\n');
}

export default async function (v, t) {
  for (const k of [1, 2]) gate(v, t, k, { exit: 0, courseChecker: 'pass' });
  const head = v.fileText('head', reportPath(v)).split('\n');
  const items = suggested(v);
  const at = (rule, line) => items.find((s) => s.rule === rule && s.line === line);
  // Question 3: the answer line without its markers, the student's text as it is (code spans and all).
  const q3 = at('template-marker', 87);
  t.eq(q3?.text, `${head[86].replace(/^--- | ---$/g, '')}\n`, 'Q3 markers: suggested line');
  t.eq(q3?.start, 87, 'Q3 markers: one line');
  // Question 2: the placeholder and the empty line after it, deleted by an empty suggestion over lines 73-74.
  const q2 = at('placeholder-left', 74);
  t.eq([q2?.start, q2?.text], [73, ''], 'Q2 placeholder: range 73-74 and an empty suggestion');
  t.eq(q2?.c.start_side, 'RIGHT', 'Q2 placeholder: start_side');
  // Question 6: an empty line put before the `---` under the answer, over lines 138-139.
  const q6 = at('setext-heading', 139);
  t.eq([q6?.start, q6?.text], [138, `${head[137]}\n\n---\n`], 'Q6 setext: range 138-139 and its suggestion');
  // Question 5: its answer holds a markdown link, which a suggestion would show as it is: posted without one.
  const q5 = at('template-marker', 123);
  t.ok(q5 !== undefined, 'Q5 markers: commented inline');
  t.eq(q5?.text, null, 'Q5 markers: no suggestion');
  t.eq(items.filter((s) => s.text !== null).length, 3, 'comments with a suggestion');
  // Each suggestion sits in its comment body before the marker, and nothing but our marker is an HTML comment.
  for (const s of items.filter((x) => x.text !== null))
    t.ok(
      /```\n\n<!-- report-check:finding fp=\w+ -->$/.test(s.c.body),
      `L${s.line}: suggestion before the marker`,
    );
  const posts = v.okWrites(2).filter((q) => q.method === 'POST' && q.path !== '/graphql');
  t.eq(
    posts.map((q) => q.route ?? q.path),
    [],
    'run 2: POST requests (a rerun posts nothing new)',
  );
  t.eq(v.own('reviews').length, 1, 'own reviews after the rerun');
}
