import type { Target } from '../context.js';
import { RunError } from '../errors.js';
import { GitHubError } from '../github/errors.js';
import type { PullFile, PullRequestState } from '../github/port.js';
import { readFacts } from '../review/marker.js';
import { ownSummaries } from '../review/reconcile.js';
import { readReport, type FoundReport, type SourceDeps } from './source.js';

/** The head and base a pull_request event names (see {@link Target}). */
export type Expected = NonNullable<(Target & { kind: 'pull' })['expected']>;

/** The report read at the head the event named, or its failure, held back until it is known to be used. */
type EarlyRead = { ok: true; report: FoundReport } | { ok: false; error: unknown };

/** Everything the first wave of reads brought back. */
export interface PullReads {
  state: PullRequestState;
  files: PullFile[];
  /** The report at the event's head; null when the event named none (workflow_dispatch). */
  early: EarlyRead | null;
}

/**
 * One wave of reads: the pull request's state and files and, when the event names the head and base, the report,
 * the file list and the schema at them, all side by side. The report read may turn out unused (the report is not
 * changed, or the pull request moved on), so its failure waits until it is used.
 */
export async function readPull(
  deps: SourceDeps,
  number: number,
  expected: Expected | null,
  onState: (state: PullRequestState) => void,
  rerun = false,
): Promise<PullReads> {
  const { github } = deps;
  const early = expected ? readEarly(deps, expected) : Promise.resolve(null);
  // A rerun attempt of the event's run most likely finds our summary written at this head and base, whose marker
  // holds what the file list would say: the list is read only when it does not (a second round trip then).
  const skipFiles = rerun && expected !== null;
  const [state, listed, report] = await Promise.all([
    github.getPullRequest(number).then((s) => (onState(s), s)),
    skipFiles ? Promise.resolve(null) : github.listPullFiles(number),
    early,
  ]);
  const files = listed ?? filesFromSummary(state, deps.settings.path) ?? (await github.listPullFiles(number));
  await checkFileCount(deps, number, state, files, expected);
  return { state, files, early: report };
}

/**
 * The report's entry in the file list as our summary's marker recorded it, when that run read the list at the
 * pull request's present head and base (the list is a function of the two commits), else null. The marker only
 * ever says "changed, with these hunks": anything else is read from GitHub, so that it can never skip a check.
 */
function filesFromSummary(state: PullRequestState, path: string): PullFile[] | null {
  // The summary this run rewrites (the oldest of ours), not a duplicate it is about to delete.
  const [summary] = ownSummaries(state, path);
  const facts = summary ? readFacts(summary.body) : null;
  const { headSha, baseSha } = state.pull;
  if (!facts || facts.headSha !== headSha || facts.baseSha !== baseSha) return null;
  // Only the new side of a hunk is ever read (review/patch.ts): the old side repeats it.
  const patch = facts.hunks
    .map((h) => `@@ -${h.start},${h.end - h.start + 1} +${h.start},${h.end - h.start + 1} @@`)
    .join('\n');
  return [{ path, status: 'modified', previousPath: null, patch: patch || null }];
}

/**
 * An empty file list while GitHub counts changed files at the head it was read at is a broken answer (a 200 with
 * `[]`), not "the report is not changed": read so, a rerun would pass and resolve every thread as fixed. The event's
 * count settles it when the pull request is still at the event's commits; otherwise (a dispatched run, a pull
 * request that moved on, an event without a count) GitHub is asked for its count: one request more, only then.
 * After the base took the pull request's changes, say, an empty list with a count of 0 is GitHub's true answer.
 */
async function checkFileCount(
  deps: SourceDeps,
  number: number,
  state: PullRequestState,
  files: PullFile[],
  expected: Expected | null,
): Promise<void> {
  if (files.length > 0) return;
  const { headSha, baseSha } = state.pull;
  const atEventCommits = expected?.headSha === headSha && expected.baseSha === baseSha;
  const counted =
    atEventCommits && expected.changedFiles !== undefined
      ? { changedFiles: expected.changedFiles, headSha }
      : await deps.github.countChangedFiles(number);
  // A count at another head (a push between the two reads) says nothing about the list read at this one.
  if (counted.headSha !== headSha)
    throw new RunError(
      `pull request #${number} moved on to ${counted.headSha} while its files were read at ${headSha}; ` +
        'the run for the new head checks it',
    );
  if (counted.changedFiles === 0) return;
  const what = `no files, while GitHub counts ${counted.changedFiles} changed at ${headSha}`;
  throw new GitHubError(`list the files of pull request #${number}`, 'malformed', 200, what);
}

async function readEarly(deps: SourceDeps, expected: Expected): Promise<EarlyRead> {
  try {
    return { ok: true, report: await readReport(deps, expected.headSha, expected.baseRef) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * The report at the pull request's head as GitHub knows it now: the one read alongside when the event named that
 * head and base, else read there now (a rerun of an old event, a push since, a dispatched run): one round trip more.
 */
/**
 * Whether the first wave found no file at the report's path at the pull request's present head (none there, or a
 * folder): though the pull request does not touch it, there is no report to pass. A push or merge-queue run at
 * that commit fails on it, so the pull request's run must not pass it as "not changed".
 */
export function missingAtHead(reads: PullReads, expected: Expected | null): boolean {
  const { pull } = reads.state;
  const { early } = reads;
  if (!early?.ok || expected?.headSha !== pull.headSha || expected.baseRef !== pull.baseRef) return false;
  const { source } = early.report;
  return 'problem' in source && source.problem.kind === 'missing';
}

export async function reportAtHead(deps: SourceDeps, reads: PullReads, expected: Expected | null) {
  const { pull } = reads.state;
  const { early } = reads;
  if (early && expected?.headSha === pull.headSha && expected.baseRef === pull.baseRef) {
    if (!early.ok) throw early.error;
    return early.report;
  }
  if (expected) {
    deps.log.info(
      `report-check: pull request #${pull.number} is at ${pull.headSha} on ${pull.baseRef}, not at ` +
        `${expected.headSha} on ${expected.baseRef} as the event says; reading the report there.`,
    );
  }
  return readReport(deps, pull.headSha, pull.baseRef);
}
