import type { Target } from '../context.js';
import { GitHubError } from '../github/errors.js';
import type { PullFile, PullRequestState } from '../github/port.js';
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
): Promise<PullReads> {
  const { github } = deps;
  const early = expected ? readEarly(deps, expected) : Promise.resolve(null);
  const [state, files, report] = await Promise.all([
    github.getPullRequest(number).then((s) => (onState(s), s)),
    github.listPullFiles(number),
    early,
  ]);
  checkFileCount(number, state, files, expected);
  return { state, files, early: report };
}

/**
 * An empty file list while the event counts changed files at the same head is a broken answer (a 200 with `[]`),
 * not "the report is not changed": read so, a rerun would pass and resolve every thread as fixed.
 */
function checkFileCount(
  number: number,
  state: PullRequestState,
  files: PullFile[],
  expected: Expected | null,
) {
  const counted = expected?.changedFiles ?? 0;
  if (files.length > 0 || counted === 0 || expected?.headSha !== state.pull.headSha) return;
  const what = `no files, while the event counts ${counted} changed at ${state.pull.headSha}`;
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
