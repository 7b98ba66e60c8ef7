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

/** What posting to the pull request achieved. */
export interface PostingOutcome {
  inline: number;
  body: number;
  summary: 'created' | 'updated' | 'unchanged' | 'failed';
  resolved: number;
  /** A write was refused with 403 (fork PR / read-only token): findings went to annotations and job summary only. */
  forbidden: boolean;
}

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
 * Carries out a plan: annotations first (they need no permission), then every write side by side. Never throws:
 * writes refused with 403 get one notice naming them all, other failures a warning each, and no finding is lost.
 */
export async function publish(plan: PullPlan, port: PublishPort): Promise<PostingOutcome> {
  const { github } = port;
  for (const annotation of plan.annotations) port.log.annotate(annotation);
  const outcome: PostingOutcome = { inline: 0, body: 0, summary: 'unchanged', resolved: 0, forbidden: false };
  const tasks: Promise<void>[] = [];
  const { review, summary, resolve, status } = plan;
  if (review) {
    tasks.push(
      postReview(port, plan.number, review).then((posted) => {
        outcome.inline = posted.inline;
        outcome.body = posted.body;
      }),
    );
  }
  if (summary.kind === 'create') {
    tasks.push(
      github.createIssueComment(plan.number, summary.body).then(() => void (outcome.summary = 'created')),
    );
  } else if (summary.kind === 'update') {
    tasks.push(
      github.updateIssueComment(summary.id, summary.body).then(() => void (outcome.summary = 'updated')),
    );
  }
  if (resolve.length > 0) {
    tasks.push(github.resolveReviewThreads(resolve).then(() => void (outcome.resolved = resolve.length)));
  }
  if (status) tasks.push(github.createCommitStatus(plan.headSha, status));
  outcome.forbidden = await settle(port.log, tasks);
  if (summary.kind !== 'none' && outcome.summary === 'unchanged') outcome.summary = 'failed';
  return outcome;
}

/** Posts the one review; if GitHub refuses a line (422), posts the fallback with every finding in the body. */
async function postReview(
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

/** Waits for writes made side by side; never throws. Returns whether any write was refused with 403. */
async function settle(log: ActionLog, tasks: readonly Promise<void>[]): Promise<boolean> {
  const settled = await Promise.allSettled(tasks);
  const refused: string[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') continue;
    if (isForbidden(s.reason)) refused.push(s.reason.operation);
    else {
      log.warning(
        `report-check: ${errorMessage(s.reason)}. The findings are still in the annotations and the job summary.`,
      );
    }
  }
  if (refused.length > 0) log.notice(permissionNotice(refused));
  return refused.length > 0;
}
