import { planAnnotations, type Annotation } from '../annotation.js';
import { failingFindings, type Severity } from '../diagnostic.js';
import type { CommitStatus, IssueComment, NewReview, PullFile, PullRequestState } from '../github/port.js';
import type { LineIndex } from '../fixes/line-index.js';
import type { CheckResult } from '../result.js';
import { parsePatch } from './patch.js';
import { keyDiagnostics, planResolutions, planReview, planSuperseded, type ReviewPlan } from './plan.js';
import { ownSummaries, ownThreads, postedKeys } from './reconcile.js';
import { ownedBySkipped, renderSkippedNote, skippedLine, type SkippedChecks } from './skipped.js';
import { renderCounts } from './render-tables.js';
import {
  renderCouldNotRunSummary,
  renderInlineComment,
  renderReviewBody,
  renderSummaryComment,
  renderUntouchedSummary,
} from './render.js';

/** The commit-status context a `workflow_dispatch` run sets on the pull request's head. */
export const STATUS_CONTEXT = 'report-check';

/** One review to submit, and how many findings its body lists. */
export interface ReviewWrite {
  review: NewReview;
  listed: number;
}

/** The one review of a run, and the review posted instead if GitHub refuses one of its lines (422). */
export interface PlannedReview {
  first: ReviewWrite;
  /** Every finding in the body, no inline comments; null when `first` has no inline comment to refuse. */
  fallback: ReviewWrite | null;
}

/** What to do with our summary comment. */
export type SummaryWrite =
  { kind: 'none' } | { kind: 'create'; body: string } | { kind: 'update'; id: number; body: string };

/** Everything a run writes to a pull request, decided before anything is written. */
export interface PullPlan {
  number: number;
  headSha: string;
  review: PlannedReview | null;
  summary: SummaryWrite;
  /** Our threads to resolve, by GraphQL node id. */
  resolve: string[];
  /** Our threads of findings this review posts again at a new line: resolved once the review is posted. */
  resolveAfterReview: string[];
  /** Our summary comments for the path besides the oldest, which is the one kept up to date: deleted. */
  deleteComments: number[];
  status: CommitStatus | null;
  annotations: Annotation[];
}

/** What the run found: a result to post, a report the pull request does not touch, or a run that failed. */
export type PullRun =
  | {
      kind: 'checked';
      result: CheckResult;
      /** The report was read and checked (not deleted or moved away): threads of fixed findings get resolved. */
      resolveFixed: boolean;
      /** The report's text the result was computed on (see suggestionText): its fixes become suggested changes. */
      text?: LineIndex | null;
      /** Checks that could not run (the file list failed): the run is "could not run", their threads stay. */
      skipped?: SkippedChecks | null;
    }
  | { kind: 'untouched' }
  | { kind: 'could-not-run'; message: string };

/** What GitHub told about the pull request: what is posted on it, and the report's entry in its files. */
export interface PullView {
  state: PullRequestState;
  /** The report's file in the pull request (its patch gives the lines that can take a comment), or null. */
  file: PullFile | null;
}

/** The settings {@link planPull} needs. */
export interface PullSettings {
  path: string;
  failOn: Severity | 'never';
  /** A commit status is due on the head (a `workflow_dispatch` rerun), linking to `targetUrl`; null when not. */
  status: { targetUrl: string | null } | null;
}

/** Decides every write of a run on a pull request: review (and its 422 fallback), summary, resolutions, status. */
export function planPull(run: PullRun, pull: PullView, settings: PullSettings): PullPlan {
  const { state } = pull;
  const plan: PullPlan = {
    number: state.pull.number,
    headSha: state.pull.headSha,
    review: null,
    summary: { kind: 'none' },
    resolve: [],
    resolveAfterReview: [],
    deleteComments: [],
    status: null,
    annotations: [],
  };
  const [existing, ...duplicates] = ownSummaries(state, settings.path);
  plan.deleteComments = duplicates.map((c) => c.id);
  const rewrite = (body: string): SummaryWrite =>
    existing && existing.body !== body ? { kind: 'update', id: existing.id, body } : { kind: 'none' };
  const status = (s: CommitStatus['state'], description: string): CommitStatus | null =>
    settings.status && {
      state: s,
      context: STATUS_CONTEXT,
      description,
      targetUrl: settings.status.targetUrl,
    };

  if (run.kind === 'untouched') {
    // A summary and threads of ours from when the pull request did change the report (then reverted) would go on
    // showing findings that no longer apply: the summary says so instead, and the threads are resolved.
    const { number, headSha } = state.pull;
    plan.summary = rewrite(renderUntouchedSummary({ path: settings.path, number, headSha }));
    plan.resolve = planResolutions(ownThreads(state, settings.path), new Set());
    plan.status = status('success', 'Report not changed by this pull request.');
    return plan;
  }
  if (run.kind === 'could-not-run') {
    // Our summary, if there is one, says so (not the last run's findings); a due status is `error`.
    const { message } = run;
    plan.summary = rewrite(renderCouldNotRunSummary({ path: settings.path, headSha: plan.headSha, message }));
    plan.status = status('error', `could not run: ${message}`);
    return plan;
  }

  planChecked(plan, run, pull, settings, { existing, rewrite, status });
  return plan;
}

interface Helpers {
  existing: IssueComment | undefined;
  rewrite: (body: string) => SummaryWrite;
  status: (s: CommitStatus['state'], description: string) => CommitStatus | null;
}

/** The writes of a run that checked the report: the review, the summary, the resolutions, status, annotations. */
function planChecked(
  plan: PullPlan,
  run: Extract<PullRun, { kind: 'checked' }>,
  pull: PullView,
  settings: PullSettings,
  h: Helpers,
): void {
  const { state } = pull;
  const { result } = run;
  const skipped = run.skipped ?? null;
  const { existing, rewrite, status } = h;
  const hunks = parsePatch(pull.file?.patch);
  const placed = planReview({
    diagnostics: result.diagnostics,
    hunks,
    ...postedKeys(state, settings.path, plan.headSha),
    text: run.text ?? null,
  });
  plan.review = reviewWrites(placed, settings.path, plan.headSha);
  const note = skipped ? renderSkippedNote(skipped) : undefined;
  // Only for a report the pull request changes: a rerun takes nothing else from the marker.
  const { headSha, baseSha } = state.pull;
  const facts = pull.file ? { headSha, baseSha, hunks } : null;
  const body = renderSummaryComment({ result, headSha: plan.headSha, failOn: settings.failOn, note, facts });
  plan.summary = existing ? rewrite(body) : { kind: 'create', body };
  if (run.resolveFixed) {
    const current = new Set(keyDiagnostics(result.diagnostics).map((k) => k.key));
    const threads = ownThreads(state, settings.path).filter((t) => !ownedBySkipped(skipped, t.ruleId));
    const reposted = new Set([...placed.inline, ...placed.body].map((k) => k.key));
    const superseded = planSuperseded(threads, current, reposted);
    plan.resolve = [...planResolutions(threads, current), ...superseded.now];
    plan.resolveAfterReview = superseded.afterReview;
  }
  plan.status = skipped
    ? status('error', `could not run: ${skippedLine(skipped)}`)
    : status(
        failingFindings(result.diagnostics, settings.failOn).length ? 'failure' : 'success',
        `${renderCounts(result.diagnostics)}; course checker: ${result.courseChecker.outcome}`,
      );
  plan.annotations = planAnnotations(result.diagnostics);
}

/** The review for the placed findings, and its fallback; null when no finding is new. */
function reviewWrites(placed: ReviewPlan, path: string, headSha: string): PlannedReview | null {
  if (placed.inline.length === 0 && placed.body.length === 0) return null;
  const comments = placed.inline.map((c) => ({
    path: c.path,
    body: renderInlineComment(c.diagnostic, c.key, c.suggestion),
    line: c.line,
    startLine: c.startLine,
  }));
  const write = (inlineCount: number, bodyFindings: ReviewPlan['body']): ReviewWrite => ({
    review: {
      commitId: headSha,
      body: renderReviewBody({ path, headSha, inlineCount, bodyFindings }),
      comments: inlineCount > 0 ? comments : [],
    },
    listed: bodyFindings.length,
  });
  return {
    first: write(comments.length, placed.body),
    fallback: comments.length > 0 ? write(0, [...placed.inline, ...placed.body]) : null,
  };
}
