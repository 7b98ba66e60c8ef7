import type { ActionLog } from './action/log.js';
import { setOutputs } from './action/outputs.js';
import { publish, type PostingOutcome, type Replan } from './action/publish.js';
import { missingAtHead, readPull, reportAtHead } from './action/pull-reads.js';
import { gateChecked } from './action/skipped-checks.js';
import { checkSource, entryProblem, locateReport, readReport } from './action/source.js';
import { planAnnotations } from './annotation.js';
import { rerunWithSummary, resolveTarget, type RunContext, type Target } from './context.js';
import type { Engine } from './engine.js';
import { errorMessage, RunError } from './errors.js';
import type { GitHubPort, PullRequestState } from './github/port.js';
import type { Settings } from './inputs.js';
import type { CheckResult } from './result.js';
import { planPull, type PullRun, type PullSettings, type PullView } from './review/pull-plan.js';
import { suggestionText } from './review/suggestion.js';
import { renderJobSummary } from './review/render.js';
import { renderSkippedNote } from './review/skipped.js';

export type { ActionLog } from './action/log.js';
export type { PostingOutcome } from './action/publish.js';

/** Everything {@link runAction} needs. */
export interface ActionDeps {
  github: GitHubPort;
  log: ActionLog;
  settings: Settings;
  context: RunContext;
  engine: Engine;
}

/** How a run ended. */
export interface ActionOutcome {
  status: 'passed' | 'failed' | 'skipped' | 'could-not-run';
  result: CheckResult | null;
  posting: PostingOutcome | null;
}

/** What a pull-request run has learned so far: enough to tell the pull request when the run fails. */
interface Known {
  state?: PullRequestState;
  settings?: PullSettings;
}

/**
 * The one orchestrator: target → source → check → plan → publish. Loads the report (from the pull request's head,
 * or a commit), checks it, plans every write, publishes, and gates. A failure to post never hides a finding; a
 * failure to check fails as "could not run".
 */
export async function runAction(deps: ActionDeps): Promise<ActionOutcome> {
  const known: Known = {};
  try {
    const target = resolveTarget(deps.context, deps.settings);
    if (target.kind === 'commit') return await checkCommit(deps, target.sha, target.schemaRef);
    known.settings = pullSettings(deps, target.setStatus);
    return await checkPull(deps, target, known.settings, known);
  } catch (error) {
    const { log, settings } = deps;
    const message = errorMessage(error);
    setOutputs(log, null, [{ path: settings.path, message }]);
    if (known.state && known.settings) {
      const run: PullRun = { kind: 'could-not-run', message };
      const view: PullView = { state: known.state, file: null };
      await publish(planPull(run, view, known.settings), deps, replan(deps, run, view, known.settings));
    }
    await log
      .writeSummary(`## report-check could not run\n\n${message.replace(/[<>&]/g, ' ')}\n`)
      .catch(() => undefined);
    log.setFailed(`report-check could not run: ${message}`);
    return { status: 'could-not-run', result: null, posting: null };
  }
}

async function checkCommit(deps: ActionDeps, sha: string, schemaRef: string): Promise<ActionOutcome> {
  const { log, settings } = deps;
  const found = await readReport(deps, sha, schemaRef);
  const { result, skipped } = checkSource(deps.engine, settings, found);
  for (const annotation of planAnnotations(result.diagnostics)) log.annotate(annotation);
  setOutputs(log, result);
  const note = skipped ? renderSkippedNote(skipped) : undefined;
  await log.writeSummary(renderJobSummary({ result, headSha: sha, failOn: settings.failOn, note }));
  return { status: gateChecked(log, result, settings.failOn, skipped), result, posting: null };
}

async function checkPull(
  deps: ActionDeps,
  target: Target & { kind: 'pull' },
  settings: PullSettings,
  known: Known,
): Promise<ActionOutcome> {
  const { log } = deps;
  const { number, expected } = target;
  const path = settings.path;
  // Round trip 1: the PR's current head (a rerun's payload may be stale) with what is posted on it, its files, and
  // (when the event names the head) the report, the file list for image checks and a custom schema from the base.
  const reads = await readPull(
    deps,
    number,
    expected,
    (s) => (known.state = s),
    rerunWithSummary(deps.context),
  );
  const { state, files } = reads;
  const entry = locateReport(files, path);
  if (entry.kind === 'untouched' && !missingAtHead(reads, expected))
    return untouched(deps, { state, file: null }, settings);
  if (entry.kind === 'unlisted') {
    log.info(
      `report-check: pull request #${number} lists ${entry.listed} files, GitHub's limit, so ${path} may be changed ` +
        'without being listed; checking it at the head.',
    );
  }
  const moved = entry.kind === 'deleted' || entry.kind === 'moved';
  // Only when the PR is not where the event said (or the event did not say): the reads again, at its head.
  const source = moved ? entryProblem(entry, path) : await reportAtHead(deps, reads, expected);
  // GitHub's two answers disagree (a file list read a moment before a push, a contents read that failed): that
  // is a read to try again, not a missing report to tell the student about.
  if (entry.kind === 'changed' && 'problem' in source.source && source.source.problem.kind === 'missing')
    throw new RunError(
      `GitHub lists ${path} as changed by pull request #${number}, but has no such file at its head ${state.pull.headSha.slice(0, 12)}; rerun the check`,
    );
  const { result, skipped } = checkSource(deps.engine, deps.settings, source);
  setOutputs(log, result);
  // Then every write side by side (none on an unchanged rerun). Posting problems never hide or change findings.
  const view: PullView = { state, file: entry.kind === 'changed' ? entry.file : null };
  const text = suggestionText(source.source);
  const run: PullRun = { kind: 'checked', result, resolveFixed: !moved, text, skipped };
  const posting = await publish(planPull(run, view, settings), deps, replan(deps, run, view, settings));
  const forbidden = posting.forbidden
    ? '> [!NOTE]\n> The token could not post to the pull request (read-only, e.g. a fork): the findings are only here and in the annotations.'
    : undefined;
  const note = [skipped && renderSkippedNote(skipped), forbidden].filter(Boolean).join('\n\n') || undefined;
  await log.writeSummary(
    renderJobSummary({ result, headSha: state.pull.headSha, failOn: settings.failOn, note }),
  );
  return { status: gateChecked(log, result, settings.failOn, skipped), result, posting };
}

/**
 * The pull request does not touch the report: finish quickly, but finish (a required check must report, or the
 * pull request waits for it forever). Usually that is all, with no request added.
 */
async function untouched(deps: ActionDeps, view: PullView, settings: PullSettings): Promise<ActionOutcome> {
  const { log } = deps;
  const message = `${settings.path} is not changed by pull request #${view.state.pull.number}; nothing to check.`;
  log.notice(message);
  setOutputs(log, null);
  const run: PullRun = { kind: 'untouched' };
  await publish(planPull(run, view, settings), deps, replan(deps, run, view, settings));
  await log.writeSummary(`## report-check: \`${settings.path}\`\n\n${message}\n`);
  return { status: 'skipped', result: null, posting: null };
}

/** Plans the same run again against the pull request as it is now: after a write whose answer was lost. */
function replan(deps: ActionDeps, run: PullRun, view: PullView, settings: PullSettings): Replan {
  return async () => {
    // On the commit the run checked, even if a push came in meanwhile: its lines are the ones the findings are on.
    const state = { ...(await deps.github.getPullRequest(view.state.pull.number)), pull: view.state.pull };
    return planPull(run, { state, file: view.file }, settings);
  };
}

function pullSettings(deps: ActionDeps, setStatus: boolean): PullSettings {
  const { context, settings } = deps;
  const targetUrl = context.runId
    ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
    : null;
  return { path: settings.path, failOn: settings.failOn, status: setStatus ? { targetUrl } : null };
}
