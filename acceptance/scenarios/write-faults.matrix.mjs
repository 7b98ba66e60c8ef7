// Write faults, one scenario per fault class x position: a write is carried out and its answer lost (502, or the
// connection reset), or it hangs, or the connection is reset before it is carried out. Each scenario asserts no
// duplicate review, comment or summary, no finding lost, the failing outcome of the findings (never a pass, never
// "could not run"), the run within its budget, and a rerun that writes nothing (lib/write-faults.mjs).
//
// Two bases: `first` is report-changed's first run (the review and the summary are created); `moved` adds a push
// that fixes Question 12, rewords Question 7 (still too long) and edits Question 14's line around its missing
// screenshots (run 2 updates the summary, resolves the fixed threads, posts the Q14 findings again at their line and
// resolves their old threads). Every base ends with a rerun on the same head.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortHang } from '../lib/hang.mjs';
import { writeFaultChecks } from '../lib/write-faults.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const reportChanged = JSON.parse(readFileSync(join(here, 'report-changed.json'), 'utf8'));
const fixture = (name) => readFileSync(join(here, '../fixtures', name), 'utf8').split('\n');

/**
 * violations.md after a push: Question 12 fixed (as in fixed.md), Question 7's answer reworded and still too long
 * (its word count, and so its finding, changes), and Question 14's line edited around its two missing screenshots
 * (the same findings, moved: their threads become outdated).
 */
function movedReport() {
  const violations = fixture('violations.md');
  const fixed = fixture('fixed.md');
  const at = (start) => violations.findIndex((l) => l.startsWith(start));
  const [q7, q12, q14] = [
    at("We've implemented quite a few tests."),
    at('We used Hydra config files for training'),
    at('Some of the most important things to look for when training'),
  ];
  if (Math.min(q7, q12, q14) < 0 || fixed.length !== violations.length)
    throw new Error('fixtures changed: update movedReport');
  const out = [...violations];
  out[q7] = `To sum up the testing: ${violations[q7]}`;
  out[q12] = fixed[q12];
  out[q14] = `When training, we watch the loss. ${violations[q14]}`;
  return out.join('\n');
}

/** What a fault does; hidden checks use other positions and bodies, so nothing below is special-cased. */
export const FAULT_CLASSES = {
  'applied-502': { after: true, status: 502 },
  'applied-reset': { after: true, reset: true },
  hang: { hang: true },
  reset: { reset: true },
};

const REVIEWS = 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews';

/**
 * Where the fault strikes: the route, which matching request (`nth`, counted over the whole scenario), the run it
 * falls in, and, for GraphQL, that it must be a mutation (the checks fail when the fault hits anything else).
 */
export const POSITIONS = {
  'review-create': { base: 'first', route: REVIEWS, nth: 1, run: 1 },
  'summary-create': {
    base: 'first',
    route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    nth: 1,
    run: 1,
  },
  'review-repost': { base: 'moved', route: REVIEWS, nth: 2, run: 2 },
  'summary-update': {
    base: 'moved',
    route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    nth: 1,
    run: 2,
  },
  // GraphQL #1 and #2 are the pull-request reads of runs 1 and 2; #3 resolves the fixed threads (beside the
  // review), #4 the moved Q14 threads (once their new comments are posted).
  'thread-resolve': { base: 'moved', route: 'POST /graphql', nth: 3, run: 2, mutation: true },
  'thread-resolve-moved': { base: 'moved', route: 'POST /graphql', nth: 4, run: 2, mutation: true },
};

const BASES = {
  first: { runs: 2, pushes: [], reviews: 1 },
  moved: {
    runs: 3,
    pushes: [{ files: { 'reports/README.md': movedReport() }, message: 'Fix Q12, reword Q7' }],
    reviews: 2,
  },
};

/** The scenario for one fault class at one position. */
export function writeFaultScenario(name, fault, position) {
  const base = BASES[position.base];
  const scenario = {
    ...reportChanged,
    name,
    description: `A write fault (${JSON.stringify(fault)}) at ${position.route} #${position.nth}, run ${position.run}.`,
    latencyMs: 0,
    pushes: base.pushes,
    runs: base.runs,
    timeoutMs: 150000,
    faults: [{ route: position.route, nth: position.nth, count: 1, ...fault }],
  };
  return fault.hang ? shortHang(scenario) : scenario;
}

export default Object.entries(POSITIONS).flatMap(([where, position]) =>
  Object.entries(FAULT_CLASSES).map(([kind, fault]) => {
    const name = `write-fault-${where}-${kind}`;
    const expected = { ...position, reviews: BASES[position.base].reviews, hang: Boolean(fault.hang) };
    return {
      name,
      scenario: writeFaultScenario(name, fault, position),
      check: (v, t) => writeFaultChecks(v, t, expected),
    };
  }),
);
