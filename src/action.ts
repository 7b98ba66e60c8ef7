import type { CheckInput } from './check.js';
import type { RunContext } from './context.js';
import { resolveTarget } from './context.js';
import { fingerprint, reaches, type Diagnostic, type Severity } from './diagnostic.js';
import { errorMessage, RunError } from './errors.js';
import type { FileFailure } from './output/file-failure.js';
import { countSeverities } from './output/severity-counts.js';
import { GitHubError, isForbidden } from './github/errors.js';
import type { CommitStatus, GitHubPort, PullFile, PullRequestState } from './github/port.js';
import type { Settings } from './inputs.js';
import { EDITIONS } from './editions.js';
import type { CheckResult } from './result.js';
import { parsePatch } from './review/patch.js';
import {
  keyDiagnostics,
  planAnnotations,
  planResolutions,
  planReview,
  type PlannedAnnotation,
} from './review/plan.js';
import {
  isSummaryFor,
  readMarker,
  renderCouldNotRunSummary,
  renderCounts,
  renderInlineComment,
  renderJobSummary,
  renderReviewBody,
  renderSummaryComment,
  renderUntouchedSummary,
} from './review/render.js';

/** Where the action reports: workflow commands, outputs, job summary. Wired to `@actions/core` in index.ts. */
export interface ActionLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  annotate(annotation: PlannedAnnotation): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  writeSummary(markdown: string): Promise<void>;
}

/** The engine functions the action calls (pure; injected so the orchestrator is testable on its own). */
export interface Engine {
  check(input: CheckInput): CheckResult;
  loadConstraints(text: string, source: string): NonNullable<CheckInput['constraints']>;
  formatJson(results: readonly CheckResult[], failures?: readonly FileFailure[]): string;
}

/** Everything {@link runAction} needs. */
export interface ActionDeps {
  github: GitHubPort;
  log: ActionLog;
  settings: Settings;
  context: RunContext;
  engine: Engine;
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

/** How a run ended. */
export interface ActionOutcome {
  status: 'passed' | 'failed' | 'skipped' | 'could-not-run';
  result: CheckResult | null;
  posting: PostingOutcome | null;
}

/** GitHub lists at most this many files of a pull request (docs: "List pull requests files"). */
export const MAX_LISTED_PULL_FILES = 3000;

/** The commit-status context a `workflow_dispatch` run sets on the pull request's head. */
export const STATUS_CONTEXT = 'report-check';

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

const decoder = new TextDecoder();

/**
 * The one orchestrator: load the report (from the pull request's head, or a commit), check it, plan where each
 * finding goes, publish (annotations, outputs, job summary; review, summary comment and thread resolutions on a
 * pull request), and gate. A failure to post never hides a finding; a failure to check fails as "could not run".
 */
export async function runAction(deps: ActionDeps): Promise<ActionOutcome> {
  const { log, settings } = deps;
  const progress: PullProgress = { state: null, setStatus: false };
  try {
    const target = resolveTarget(deps.context, settings);
    if (target.kind === 'commit') return await checkCommit(deps, target.sha, target.schemaRef);
    progress.setStatus = target.setStatus;
    return await checkPull(deps, target.number, progress);
  } catch (error) {
    const message = errorMessage(error);
    log.setOutput('result', deps.engine.formatJson([], [{ path: settings.path, message }]));
    log.setOutput('errors', '0');
    log.setOutput('warnings', '0');
    log.setOutput('course-checker', '');
    if (progress.state) await tellCouldNotRun(deps, progress.state, progress.setStatus, message);
    await log
      .writeSummary(`## report-check could not run\n\n${message.replace(/[<>&]/g, ' ')}\n`)
      .catch(() => undefined);
    log.setFailed(`report-check could not run: ${message}`);
    return { status: 'could-not-run', result: null, posting: null };
  }
}

async function checkCommit(deps: ActionDeps, sha: string, schemaRef: string): Promise<ActionOutcome> {
  const result = await checkAt(deps, sha, schemaRef);
  publishLocally(deps, result);
  await deps.log.writeSummary(renderJobSummary({ result, headSha: sha, failOn: deps.settings.failOn }));
  return { status: gate(deps, result) ? 'failed' : 'passed', result, posting: null };
}

/** What a pull-request run has learned so far: enough to tell the pull request when the run fails. */
interface PullProgress {
  state: PullRequestState | null;
  /** A commit status on the head is due (a `workflow_dispatch` run with `pr-number`). */
  setStatus: boolean;
}

async function checkPull(deps: ActionDeps, number: number, progress: PullProgress): Promise<ActionOutcome> {
  const { github, log, settings } = deps;
  const path = settings.path;
  const setStatus = progress.setStatus;
  // Round trip 1: the PR's current head (a rerun's payload may be stale) with what is posted on it, and its files.
  const [state, files] = await Promise.all([
    github.getPullRequest(number).then((s) => (progress.state = s)),
    github.listPullFiles(number),
  ]);
  const head = state.pull.headSha;
  const entry = files.find((f) => f.path === path) ?? files.find((f) => f.previousPath === path);

  if (!entry) {
    if (files.length < MAX_LISTED_PULL_FILES) return untouched(deps, state, setStatus);
    // GitHub lists at most 3,000 files of a pull request: the report may be one of those left out.
    log.info(
      `report-check: pull request #${number} lists ${files.length} files, GitHub's limit, so ${path} may be changed ` +
        'without being listed; checking it at the head.',
    );
  }

  let result: CheckResult;
  let checked = false;
  if (entry?.status === 'removed') {
    result = fileProblem(
      deps,
      'report-deleted',
      `This pull request deletes ${path}; the course checker reads the report from there, so restore it.`,
    );
  } else if (entry && entry.path !== path) {
    result = fileProblem(
      deps,
      'report-renamed',
      `This pull request moves ${path} to ${entry.path}; the course checker reads ${path}, so move it back.`,
    );
  } else {
    // Round trip 2: the report at the head, the file list for image checks, and a custom schema from the base.
    result = await checkAt(deps, head, state.pull.baseRef);
    checked = true;
  }
  publishLocally(deps, result);
  const commitStatus = setStatus
    ? status(
        deps,
        gateFindings(deps, result).length ? 'failure' : 'success',
        `${renderCounts(result.diagnostics)}; course checker: ${result.courseChecker.outcome}`,
      )
    : null;

  // Round trip 3: every write side by side. Posting problems are reported but never hide or change findings.
  const file = entry?.path === path ? entry : null;
  const posting = await postToPull(deps, state, file, result, checked, commitStatus);
  const note = posting.forbidden
    ? '> [!NOTE]\n> The token could not post to the pull request (read-only, e.g. a fork): the findings are only here and in the annotations.'
    : undefined;
  await log.writeSummary(renderJobSummary({ result, headSha: head, failOn: settings.failOn, note }));
  return { status: gate(deps, result) ? 'failed' : 'passed', result, posting };
}

/**
 * The pull request does not touch the report: finish quickly, but finish (a required check must report, or the
 * pull request waits for it forever). Usually that is all, with no request added; but a summary and threads of ours
 * from when the pull request did change the report (then reverted) would go on showing findings that no longer
 * apply: the summary says so instead, and the threads are resolved.
 */
async function untouched(
  deps: ActionDeps,
  state: PullRequestState,
  setStatus: boolean,
): Promise<ActionOutcome> {
  const { github, log, settings } = deps;
  const path = settings.path;
  const { number, headSha: head } = state.pull;
  const message = `${path} is not changed by pull request #${number}; nothing to check.`;
  log.notice(message);
  setOutputs(deps, null);
  const tasks: Promise<void>[] = [];
  if (setStatus) {
    tasks.push(
      github.createCommitStatus(head, status(deps, 'success', 'Report not changed by this pull request.')),
    );
  }
  const existing = ownSummary(state, path);
  const body = renderUntouchedSummary({ path, number, headSha: head });
  if (existing && existing.body !== body) tasks.push(github.updateIssueComment(existing.id, body));
  const resolve = planResolutions(ownThreads(state, path), new Set());
  if (resolve.length > 0) tasks.push(github.resolveReviewThreads(resolve));
  await settle(deps, tasks);
  await log.writeSummary(`## report-check: \`${path}\`\n\n${message}\n`);
  return { status: 'skipped', result: null, posting: null };
}

/** The run failed: our summary, if there is one, says so (not the last run's findings), and a due status is `error`. */
async function tellCouldNotRun(
  deps: ActionDeps,
  state: PullRequestState,
  setStatus: boolean,
  message: string,
): Promise<void> {
  const path = deps.settings.path;
  const head = state.pull.headSha;
  const tasks: Promise<void>[] = [];
  const existing = ownSummary(state, path);
  const body = renderCouldNotRunSummary({ path, headSha: head, message });
  if (existing && existing.body !== body) tasks.push(deps.github.updateIssueComment(existing.id, body));
  if (setStatus) {
    tasks.push(deps.github.createCommitStatus(head, status(deps, 'error', `could not run: ${message}`)));
  }
  await settle(deps, tasks);
}

/** Our summary comment for `path`: written by the token's user, with our marker on its last line. */
function ownSummary(state: PullRequestState, path: string) {
  return state.issueComments.find((c) => c.mine && isSummaryFor(c.body, path));
}

/** Our inline threads on `path`, with the finding key of their marker. */
function ownThreads(state: PullRequestState, path: string) {
  // Ours: written by the token's user AND with our marker as the last line (a student can paste a marker too).
  return state.threads.flatMap((thread) => {
    const first = thread.comments[0];
    if (thread.path !== path || !first?.mine) return [];
    const own = readMarker(first.body);
    const key = own?.kind === 'finding' ? own.fields.fp : undefined;
    if (!key) return [];
    const hasOtherAuthors =
      thread.commentCount > thread.comments.length || thread.comments.some((c) => !c.mine);
    return [
      { id: thread.id, key, isResolved: thread.isResolved, isOutdated: thread.isOutdated, hasOtherAuthors },
    ];
  });
}

/**
 * Waits for writes made side by side; never throws. Writes refused with 403 get one notice naming them all;
 * other failures a warning each. Returns whether any write was refused with 403.
 */
async function settle(deps: ActionDeps, tasks: readonly Promise<void>[]): Promise<boolean> {
  const settled = await Promise.allSettled(tasks);
  const refused: string[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') continue;
    if (isForbidden(s.reason)) refused.push(s.reason.operation);
    else reportPostingError(deps, s.reason);
  }
  if (refused.length > 0) deps.log.notice(permissionNotice(refused));
  return refused.length > 0;
}

/** Reads the report at `ref` (with the repository's file list and the custom schema) and checks it. */
async function checkAt(deps: ActionDeps, ref: string, schemaRef: string): Promise<CheckResult> {
  const { github, settings, log } = deps;
  const [file, files, schemaFile] = await Promise.all([
    github.getFile(settings.path, ref),
    github.listRepoFiles(ref).catch((error: unknown) => {
      log.warning(
        `report-check could not list the repository's files (${errorMessage(error)}); image checks skipped.`,
      );
      return null;
    }),
    // Never from the commit under check: a pull request must not be able to loosen its own check.
    settings.schema ? github.getFile(settings.schema, schemaRef) : Promise.resolve(null),
  ]);
  let constraints: CheckInput['constraints'] = null;
  if (settings.schema) {
    if (!schemaFile) throw new RunError(`schema: ${settings.schema} does not exist on ${schemaRef}`);
    if (!schemaFile.content) throw new RunError(`schema: ${settings.schema} on ${schemaRef} is too large`);
    constraints = deps.engine.loadConstraints(
      decoder.decode(schemaFile.content),
      `${settings.schema} (${schemaRef})`,
    );
  }
  if (!file) {
    return fileProblem(
      deps,
      'report-missing',
      `${settings.path} does not exist at ${ref.slice(0, 12)}; the course checker reads the report from there.`,
    );
  }
  if (!file.content) {
    return fileProblem(
      deps,
      'report-too-large',
      `${settings.path} is ${file.size} bytes; a report over 1 MiB is not a report, so shrink it (images belong in files).`,
    );
  }
  return deps.engine.check({
    path: settings.path,
    content: file.content,
    files,
    edition: settings.edition,
    constraints,
    strict: settings.strict,
  });
}

/** A result holding one file-level error, for a report that is deleted, moved, missing or too large. */
function fileProblem(deps: ActionDeps, ruleId: string, message: string): CheckResult {
  const { settings } = deps;
  const diagnostic: Diagnostic = {
    ruleId,
    severity: 'error',
    message,
    path: settings.path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    question: null,
    fingerprint: fingerprint(ruleId, null),
  };
  return {
    path: settings.path,
    edition: settings.schema
      ? 'custom'
      : settings.edition === 'auto'
        ? EDITIONS[EDITIONS.length - 1]!
        : settings.edition,
    editionSource: settings.edition === 'auto' ? 'detected' : 'given',
    diagnostics: [diagnostic],
    questions: [],
    courseChecker: { outcome: 'crash', failures: [], reason: message },
  };
}

/** Annotations (most important first) and outputs: the places that need no write permission. */
function publishLocally(deps: ActionDeps, result: CheckResult): void {
  for (const annotation of planAnnotations(result.diagnostics)) deps.log.annotate(annotation);
  setOutputs(deps, result);
}

function setOutputs(deps: ActionDeps, result: CheckResult | null): void {
  const { log } = deps;
  const counts = countSeverities(result?.diagnostics ?? []);
  log.setOutput('result', deps.engine.formatJson(result ? [result] : []));
  log.setOutput('errors', String(counts.errors));
  log.setOutput('warnings', String(counts.warnings));
  log.setOutput('course-checker', result?.courseChecker.outcome ?? '');
}

function gateFindings(deps: ActionDeps, result: CheckResult): Diagnostic[] {
  const failOn = deps.settings.failOn;
  return failOn === 'never' ? [] : result.diagnostics.filter((d) => reaches(d.severity, failOn as Severity));
}

/** Fails the step when a finding reaches `fail-on`; returns whether it did. */
function gate(deps: ActionDeps, result: CheckResult): boolean {
  const failing = gateFindings(deps, result);
  if (failing.length === 0) return false;
  deps.log.setFailed(
    `report-check: ${result.path} has ${renderCounts(result.diagnostics)} (fail-on: ${deps.settings.failOn}). ` +
      'See the annotations and the job summary.',
  );
  return true;
}

function status(deps: ActionDeps, state: CommitStatus['state'], description: string): CommitStatus {
  const { context } = deps;
  const targetUrl = context.runId
    ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
    : null;
  return { state, context: STATUS_CONTEXT, description, targetUrl };
}

/** Posts the review, the summary comment, thread resolutions and the commit status in parallel; never throws. */
async function postToPull(
  deps: ActionDeps,
  state: PullRequestState,
  file: PullFile | null,
  result: CheckResult,
  checked: boolean,
  commitStatus: CommitStatus | null,
): Promise<PostingOutcome> {
  const { github, settings } = deps;
  const path = settings.path;
  const number = state.pull.number;
  const head = state.pull.headSha;
  const threads = ownThreads(state, path);
  const postedInline = new Set(threads.filter((t) => !t.isOutdated).map((t) => t.key));
  const postedInBody = new Set(
    state.reviews
      .filter((r) => r.mine)
      .map((r) => readMarker(r.body))
      .flatMap((m) => (m?.kind === 'review' ? (m.fields.listed ?? '').split(',').filter(Boolean) : [])),
  );

  const plan = planReview({
    diagnostics: result.diagnostics,
    hunks: parsePatch(file?.patch),
    postedInline,
    postedInBody,
  });
  const currentKeys = new Set(keyDiagnostics(result.diagnostics).map((k) => k.key));
  const resolve = checked ? planResolutions(threads, currentKeys) : [];

  const summaryBody = renderSummaryComment({ result, headSha: head, failOn: settings.failOn });
  const existing = ownSummary(state, path);

  const outcome: PostingOutcome = { inline: 0, body: 0, summary: 'unchanged', resolved: 0, forbidden: false };
  const tasks: Promise<void>[] = [];

  if (plan.inline.length > 0 || plan.body.length > 0) {
    tasks.push(
      postReview(deps, number, head, plan).then((posted) => {
        outcome.inline = posted.inline;
        outcome.body = posted.body;
      }),
    );
  }
  if (!existing) {
    tasks.push(github.createIssueComment(number, summaryBody).then(() => void (outcome.summary = 'created')));
  } else if (existing.body !== summaryBody) {
    tasks.push(
      github.updateIssueComment(existing.id, summaryBody).then(() => void (outcome.summary = 'updated')),
    );
  }
  if (resolve.length > 0) {
    tasks.push(github.resolveReviewThreads(resolve).then(() => void (outcome.resolved = resolve.length)));
  }
  if (commitStatus) tasks.push(github.createCommitStatus(head, commitStatus));

  outcome.forbidden = await settle(deps, tasks);
  if ((!existing || existing.body !== summaryBody) && outcome.summary === 'unchanged')
    outcome.summary = 'failed';
  return outcome;
}

/** Posts the one review; if GitHub refuses a line (422), posts again with every finding in the body. */
async function postReview(
  deps: ActionDeps,
  number: number,
  head: string,
  plan: ReturnType<typeof planReview>,
): Promise<{ inline: number; body: number }> {
  const path = deps.settings.path;
  const comments = plan.inline.map((c) => ({
    path: c.path,
    body: renderInlineComment(c.diagnostic, c.key),
    line: c.line,
    startLine: c.startLine,
  }));
  try {
    await deps.github.createReview(number, {
      commitId: head,
      body: renderReviewBody({ path, headSha: head, inlineCount: comments.length, bodyFindings: plan.body }),
      comments,
    });
    return { inline: comments.length, body: plan.body.length };
  } catch (error) {
    if (!(error instanceof GitHubError && error.kind === 'invalid' && comments.length > 0)) throw error;
    deps.log.warning(
      `report-check: GitHub refused an inline comment (${error.message}); posting all findings in the review body.`,
    );
    const all = [...plan.inline, ...plan.body];
    await deps.github.createReview(number, {
      commitId: head,
      body: renderReviewBody({ path, headSha: head, inlineCount: 0, bodyFindings: all }),
      comments: [],
    });
    return { inline: 0, body: all.length };
  }
}

function reportPostingError(deps: ActionDeps, error: unknown): void {
  if (isForbidden(error)) {
    deps.log.notice(permissionNotice([error.operation]));
    return;
  }
  deps.log.warning(
    `report-check: ${errorMessage(error)}. The findings are still in the annotations and the job summary.`,
  );
}
