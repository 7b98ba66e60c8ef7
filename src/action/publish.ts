import { errorMessage } from '../errors.js';
import { GitHubError, isForbidden } from '../github/errors.js';
import type { GitHubPort } from '../github/port.js';
import type { PlannedReview, PullPlan } from '../review/pull-plan.js';
import type { ActionLog } from './log.js';

/** What {@link publish} writes through: the GitHub port, and the log for annotations, warnings and notices. */
export interface PublishPort {
  github: GitHubPort;
  log: ActionLog;
}

/** Reads the pull request again and plans the run's writes against what is on it now. */
export type Replan = () => Promise<PullPlan>;

/** What posting to the pull request achieved. */
export interface PostingOutcome {
  inline: number;
  body: number;
  summary: 'created' | 'updated' | 'unchanged' | 'failed';
  resolved: number;
  /** A write was refused with 403 (fork PR / read-only token): findings went to annotations and job summary only. */
  forbidden: boolean;
}

/** The writes of a plan, each of which fails or succeeds on its own. */
type Part = 'review' | 'summary' | 'resolve' | 'delete' | 'status';
type Failure = { part: Part; error: unknown };

/** How often a run reads back after writes whose answer was lost (each read-back may write again). */
export const MAX_READ_BACKS = 2;

/** The one notice for writes refused with 403: what was refused, why that happens, and how to allow it. */
function permissionNotice(operations: readonly string[]): string {
  return (
    `report-check may not ${operations.join(', ')} with this token (403 Resource not accessible by integration). ` +
    'Pull requests from forks always get a read-only token. The findings are in the annotations and the job ' +
    'summary, and the check still gates on them. To allow comments, give the workflow `permissions: ' +
    'pull-requests: write`, plus `statuses: write` for a workflow_dispatch rerun. For forks, see the README ' +
    'on pull_request_target.'
  );
}

/**
 * Whether a failed write may still have been carried out: a 5xx, or no answer at all (reset, timeout). A 4xx
 * means GitHub refused it before doing anything.
 */
export function mayHaveApplied(error: unknown): boolean {
  if (!(error instanceof GitHubError)) return true;
  return error.kind === 'unavailable' || error.status === 0 || error.status >= 500;
}

/**
 * Carries out a plan: annotations first (they need no permission), then every write side by side. A write whose
 * answer was lost is never repeated blind: `replan` reads back what is on the pull request and only what is not
 * there is written (at most {@link MAX_READ_BACKS} times). Never throws: writes refused with 403 get one notice
 * naming them all, other failures a warning each, and no finding is lost.
 */
export async function publish(plan: PullPlan, port: PublishPort, replan?: Replan): Promise<PostingOutcome> {
  for (const annotation of plan.annotations) port.log.annotate(annotation);
  const outcome: PostingOutcome = { inline: 0, body: 0, summary: 'unchanged', resolved: 0, forbidden: false };
  const refused: string[] = [];
  const given = new Set<Part>();
  let current = plan;
  for (let readBacks = 0; ; readBacks++) {
    const failures = await writeAll(current, port, outcome);
    const lost = failures.filter((f) => mayHaveApplied(f.error));
    for (const f of failures.filter((x) => !mayHaveApplied(x.error))) {
      given.add(f.part);
      if (isForbidden(f.error)) refused.push(f.error.operation);
      else warn(port.log, f.error);
    }
    if (lost.length === 0) break;
    const next = replan && readBacks < MAX_READ_BACKS ? await readBack(port.log, replan, lost) : null;
    if (!next) {
      for (const f of lost) warn(port.log, f.error);
      break;
    }
    confirm(outcome, current, next, lost);
    // Everything of the new plan is still to do (what got through reads back as done), but a status cannot be
    // read back: it is set again only when its answer was lost. Writes GitHub refused are not tried again.
    const redo = new Set(lost.map((f) => f.part));
    current = without(next, (part) => given.has(part) || (part === 'status' && !redo.has('status')));
  }
  if (refused.length > 0) port.log.notice(permissionNotice(refused));
  outcome.forbidden = refused.length > 0;
  if (plan.summary.kind !== 'none' && outcome.summary === 'unchanged') outcome.summary = 'failed';
  return outcome;
}

function warn(log: ActionLog, error: unknown): void {
  log.warning(
    `report-check: ${errorMessage(error)}. The findings are still in the annotations and the job summary.`,
  );
}

/** Re-reads the pull request after lost answers; null (with a warning) when that read fails too. */
async function readBack(log: ActionLog, replan: Replan, lost: readonly Failure[]): Promise<PullPlan | null> {
  const what = lost.map((f) => errorMessage(f.error)).join('; ');
  log.info(`report-check: no answer to a write (${what}); reading back what is posted before writing again.`);
  try {
    return await replan();
  } catch (error) {
    warn(log, error);
    return null;
  }
}

/** Writes whose answer was lost but that the read-back shows done count as done. */
function confirm(outcome: PostingOutcome, tried: PullPlan, next: PullPlan, lost: readonly Failure[]): void {
  const parts = new Set(lost.map((f) => f.part));
  if (parts.has('review') && !next.review && tried.review) {
    outcome.inline = tried.review.first.review.comments.length;
    outcome.body = tried.review.first.listed;
  }
  if (parts.has('summary') && next.summary.kind === 'none' && tried.summary.kind !== 'none') {
    outcome.summary = tried.summary.kind === 'create' ? 'created' : 'updated';
  }
}

/** The plan with the parts `drop` names left out. */
function without(plan: PullPlan, drop: (part: Part) => boolean): PullPlan {
  const review = drop('review');
  return {
    ...plan,
    review: review ? null : plan.review,
    resolveAfterReview: review ? [] : plan.resolveAfterReview,
    summary: drop('summary') ? { kind: 'none' } : plan.summary,
    resolve: drop('resolve') ? [] : plan.resolve,
    deleteComments: drop('delete') ? [] : plan.deleteComments,
    status: drop('status') ? null : plan.status,
    annotations: [],
  };
}

/** Makes every write of the plan side by side; returns the ones that failed. */
async function writeAll(plan: PullPlan, port: PublishPort, outcome: PostingOutcome): Promise<Failure[]> {
  const { github } = port;
  const tasks: [Part, Promise<unknown>][] = [];
  const { review, summary, resolve, status } = plan;
  if (review) tasks.push(['review', postReview(port, plan, review, outcome)]);
  if (summary.kind === 'create') {
    tasks.push(['summary', github.createIssueComment(plan.number, summary.body)]);
  } else if (summary.kind === 'update') {
    tasks.push(['summary', github.updateIssueComment(summary.id, summary.body)]);
  }
  if (resolve.length > 0) {
    const done = github.resolveReviewThreads(resolve).then(() => void (outcome.resolved += resolve.length));
    tasks.push(['resolve', done]);
  }
  // Duplicates go one by one: deleting the same comment twice (two runs) is a 404 the port takes as done.
  if (plan.deleteComments.length > 0) {
    tasks.push(['delete', Promise.all(plan.deleteComments.map((id) => github.deleteIssueComment(id)))]);
  }
  if (status) tasks.push(['status', github.createCommitStatus(plan.headSha, status)]);
  const settled = await Promise.allSettled(tasks.map(([, task]) => task));
  const failures: Failure[] = [];
  settled.forEach((s, i) => {
    const part = tasks[i]?.[0] as Part;
    if (s.status === 'rejected') failures.push({ part, error: s.reason });
    else if (part === 'summary') outcome.summary = summary.kind === 'create' ? 'created' : 'updated';
  });
  return failures;
}

/**
 * Posts the one review; if GitHub refuses a line (422), posts the fallback with every finding in the body. Then
 * resolves the old threads of findings it posted again at a new line (not before: they would be shown nowhere).
 */
async function postReview(port: PublishPort, plan: PullPlan, review: PlannedReview, outcome: PostingOutcome) {
  const posted = await postOneReview(port, plan.number, review);
  outcome.inline = posted.inline;
  outcome.body = posted.body;
  const moved = plan.resolveAfterReview;
  if (moved.length > 0) {
    await port.github.resolveReviewThreads(moved);
    outcome.resolved += moved.length;
  }
}

async function postOneReview(
  port: PublishPort,
  number: number,
  review: PlannedReview,
): Promise<{ inline: number; body: number }> {
  try {
    await port.github.createReview(number, review.first.review);
    return { inline: review.first.review.comments.length, body: review.first.listed };
  } catch (error) {
    if (!(error instanceof GitHubError && error.kind === 'invalid' && review.fallback)) throw error;
    port.log.warning(
      `report-check: GitHub refused an inline comment (${error.message}); posting all findings in the review body.`,
    );
    await port.github.createReview(number, review.fallback.review);
    return { inline: 0, body: review.fallback.listed };
  }
}
