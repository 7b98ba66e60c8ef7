// Expectations shared by several scenarios (each scenarios/<name>.expect.mjs picks what applies).
import { diffInfo, hasQuestionRow as hasRow, normalize } from './checks.mjs';
import { fakeghDir } from './fakegh.mjs';

/** The report's path in a scenario: its `path` input, else the action's default. */
export const reportPath = (v) => v.scenario.inputs?.path || 'reports/README.md';

/** Targets of issue 12 for a first run: sequential round trips and API requests. */
export const FIRST_RUN_TARGET = { roundTrips: 2, requests: 6 };
/** Targets of issue 12 for an unchanged rerun (a re-run attempt on the same head). */
export const RERUN_TARGET = { roundTrips: 1, requests: 3 };

/** Exit code, conclusion and the course-checker output of run k. */
export function gate(v, t, k, { exit, courseChecker }) {
  const run = v.run(k),
    tag = v.runs.length > 1 ? `run ${k}: ` : '';
  if (!t.ok(run, `${tag}did not run`)) return;
  t.eq(run.exitCode, exit, `${tag}exit code`);
  t.eq(run.conclusion, exit === 0 ? 'success' : 'failure', `${tag}conclusion`);
  if (courseChecker) t.eq(run.outputs?.['course-checker'], courseChecker, `${tag}output course-checker`);
}

/** The findings of violations.md (the engine's part, pinned so that a wrong file read shows): Q7 over and Q12
 * under their word ranges (errors), the Q14 screenshot and the Q29 diagram missing from the repository (warnings). */
export function violationFindings(v, t, k) {
  const tag = v.runs.length > 1 ? `run ${k}: ` : '';
  const rep = v.report(k);
  if (!rep) return;
  const fails = (rep.courseChecker?.failures ?? []).map((f) => `${f.question}:${f.kind}`).sort();
  t.eq(fails, ['12:words', '7:words'], `${tag}course checker failures`);
  t.ge(v.findings(k, { question: 7, severity: 'error' }).length, 1, `${tag}error findings on question 7`);
  t.ge(v.findings(k, { question: 12, severity: 'error' }).length, 1, `${tag}error findings on question 12`);
  t.ge(
    v.findings(k, { text: 'wandb_runs.png' }).length,
    1,
    `${tag}findings naming the missing figures/wandb_runs.png (Q14)`,
  );
  t.ge(
    v.findings(k, { text: 'diagram.png' }).length,
    1,
    `${tag}findings naming the missing figures/diagram.png (Q29)`,
  );
}

/** Error annotations in run k carry file, line and title, and the Q7 and Q12 errors are among them. */
export function errorAnnotations(v, t, k) {
  const tag = v.runs.length > 1 ? `run ${k}: ` : '';
  const errors = v.annotations(k).filter((a) => a.level === 'error' && a.file);
  t.ge(errors.length, 2, `${tag}error annotations with a file`);
  for (const a of errors) {
    t.eq(a.file, reportPath(v), `${tag}error annotation file`);
    t.ok(
      Number.isInteger(Number(a.line)) && a.title,
      `${tag}error annotation without line or title: ${JSON.stringify(a).slice(0, 160)}`,
    );
  }
  for (const q of [7, 12]) {
    const msgs = v.findings(k, { question: q, severity: 'error' }).map((d) => normalize(d.message));
    t.ok(
      msgs.length === 0 || errors.some((a) => msgs.some((m) => normalize(a.message).includes(m))),
      `${tag}no error annotation carries the question ${q} error`,
    );
  }
}

/**
 * The PR conversation after a run that reviewed violations.md: one own COMMENT review on the PR head, exactly one
 * own summary comment with rows for the failing questions, and an inline comment for each finding whose line is in
 * a hunk of the report's diff.
 */
export async function prConversation(v, t, k, { reviews = 1 } = {}) {
  const tag = v.runs.length > 1 ? `after run ${k}: ` : '';
  const own = v.own('reviews');
  t.eq(own.length, reviews, `${tag}own reviews`);
  const summaries = v.own('issueComments');
  t.eq(summaries.length, 1, `${tag}own summary comments`);
  for (const q of [7, 12])
    if (summaries[0])
      t.ok(hasRow(summaries[0].body, q), `${tag}summary comment has no table row for question ${q}`);
  const inline = v.own('reviewComments');
  t.ge(inline.length, 1, `${tag}own inline comments`);
  const heads = new Set([
    ...own.map((r) => r.commit_id),
    ...inline.map((c) => c.original_commit_id ?? c.commit_id),
  ]);
  t.eq(heads.size, 1, `${tag}commits the review and its comments are on`);
  // Each finding whose (start) line lies in a hunk of the diff gets an inline comment.
  const base = v.fileText('base', reportPath(v)),
    head = v.fileText('head', reportPath(v));
  if (base !== null && head !== null) {
    const diff = await diffInfo(fakeghDir, base, head);
    const bodies = inline.map((c) => normalize(c.body));
    const missing = v
      .diagnostics(k)
      .filter((d) => diff.inHunk(d.line) && !bodies.some((b) => b.includes(normalize(d.message))));
    t.ok(
      missing.length === 0,
      `${tag}${missing.length} finding(s) on diff lines without an inline comment, e.g. ${missing
        .slice(0, 2)
        .map((d) => `L${d.line} ${JSON.stringify(d.message)}`)
        .join('; ')}`,
    );
    for (const c of inline)
      t.ok(c.line == null || diff.inHunk(c.line), `${tag}inline comment on line ${c.line}, outside the diff`);
  }
}

/** No own reviews, inline comments, summary comments or statuses (push, merge_group, dispatch without a PR, forks). */
export function nothingPosted(v, t, { statuses = true } = {}) {
  t.eq(v.own('reviews').length, 0, 'own reviews');
  t.eq(v.own('reviewComments').length, 0, 'own inline comments');
  t.eq(v.own('issueComments').length, 0, 'own issue comments');
  if (statuses) t.eq((v.state.statuses ?? []).length, 0, 'commit statuses');
}

/** The faults of the scenario all fired, and each faulted request then succeeded on a retry. */
export function faultsRecovered(v, t) {
  const faults = v.scenario.faults ?? [];
  const hits = v.requests().filter((q) => q.fault);
  t.eq(
    hits.length,
    faults.reduce((n, f) => n + (f.count ?? 1), 0),
    `requests answered by the faults (${faults.map((f) => f.route).join(', ')})`,
  );
  const last = new Map(hits.map((q) => [`${q.method} ${q.path}`, q]));
  for (const [key, q] of last) {
    const after = v.requests().filter((x) => x.seq > q.seq && `${x.method} ${x.path}` === key);
    t.ok(
      after.some((x) => x.status < 300),
      `no successful ${key} after the fault`,
    );
  }
}

/**
 * Run k's requests against the first-run target (a failure when over), and its round trips as a note. Without
 * latency fakegh answers in microseconds, so whether two requests of one wave overlap depends on how busy the
 * machine is (scenarios run side by side): the round trips are held to their target by `npm run bench`, which
 * measures them one run at a time at 150 ms per request, and by the transport tests of the waves.
 */
export function firstRunTargets(v, t, k = 1, label = 'first run') {
  const s = v.stats(k);
  t.note(
    `${label}: ${s.requests} request${s.requests === 1 ? '' : 's'}, ${s.roundTrips} round trip${s.roundTrips === 1 ? '' : 's'}`,
  );
  t.le(s.requests, FIRST_RUN_TARGET.requests, `${label} requests`);
}

/** A scenario with faults on the way (5xx, rate limits): retried, and the outcome is exactly that of report-changed. */
export async function recoveredAsReportChanged(v, t) {
  faultsRecovered(v, t);
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  await prConversation(v, t, 1);
}

/**
 * No pull request to comment on (push, merge_group, workflow_dispatch without pr-number): the report is read at
 * one of `refs` (default: GITHUB_SHA) and has the violations; nothing is posted and the gate fails.
 */
export function checkedWithoutComments(v, t, refs = [v.run(1).env.GITHUB_SHA]) {
  gate(v, t, 1, { exit: 1, courseChecker: 'fail' });
  violationFindings(v, t, 1);
  errorAnnotations(v, t, 1);
  nothingPosted(v, t);
  for (const q of v.requests(1).filter((x) => x.path.endsWith('/contents/reports/README.md')))
    t.ok(
      refs.includes(q.query?.ref),
      `report read at ref ${q.query?.ref}, expected one of ${refs.join(', ')}`,
    );
}

/** The step failed (exit 1) with an error annotation whose message passes `test`; `what` says what it must name. */
export function failedWithError(v, t, test, what) {
  const run = v.run(1);
  t.eq(run.exitCode, 1, 'exit code');
  t.eq(run.conclusion, 'failure', 'conclusion');
  const errors = v.annotations(1).filter((a) => a.level === 'error');
  t.ok(
    errors.some((a) => test(a.message)),
    `no error ${what}: ${JSON.stringify(errors.map((a) => a.message))}`,
  );
}
