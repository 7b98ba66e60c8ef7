import { RunError } from './errors.js';
import type { Settings } from './inputs.js';

/** What the runner tells the action about the run (from `GITHUB_*` variables and the event payload). */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** GITHUB_SHA: on `pull_request` the test merge commit, which is never what we check. */
  sha: string;
  ref: string;
  payload: EventPayload;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  /** GITHUB_RUN_ATTEMPT: 2 and up for a re-run of the same run (the same event). */
  runAttempt?: number;
}

/** The parts of the event payload the action reads. */
export interface EventPayload {
  pull_request?: {
    number?: number;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { ref?: string; sha?: string };
    changed_files?: number;
  };
  repository?: { default_branch?: string; full_name?: string };
  merge_group?: { head_sha?: string; base_ref?: string };
  after?: string;
}

/** Reads the run context from the environment and the event file. */
export function readRunContext(env: NodeJS.ProcessEnv, readText: (path: string) => string): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo)
    throw new RunError('GITHUB_REPOSITORY is not set; report-check runs as a step of a GitHub workflow.');
  let payload: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readText(env.GITHUB_EVENT_PATH)) as EventPayload;
    } catch (error) {
      throw new RunError(`cannot read the event payload at ${env.GITHUB_EVENT_PATH}`, { cause: error });
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    payload,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
  };
}

/** What a run checks: a pull request (and posts on it), or one commit (annotations and job summary only). */
export type Target =
  | {
      kind: 'pull';
      number: number;
      /** Set a commit status on the head: a dispatched run's check does not show on the pull request. */
      setStatus: boolean;
      /**
       * The head and base the event names (pull_request, pull_request_target), so that the report can be read
       * while the pull request is: null when only the pull request can tell (workflow_dispatch with pr-number).
       */
      expected: { headSha: string; baseRef: string; baseSha?: string; changedFiles?: number } | null;
    }
  | {
      kind: 'commit';
      sha: string;
      /** Where a custom schema is read from: the base or default branch, never the commit under check. */
      schemaRef: string;
    };

const branch = (ref: string) => ref.replace(/^refs\/heads\//, '');

/** Decides what to check from the event and the `pr-number` input. */
export function resolveTarget(context: RunContext, settings: Settings): Target {
  const { payload } = context;
  const defaultBranch = payload.repository?.default_branch ?? null;
  if (context.eventName === 'pull_request' || context.eventName === 'pull_request_target') {
    const number = payload.pull_request?.number;
    if (!number) throw new RunError(`the ${context.eventName} event payload has no pull request number`);
    const headSha = payload.pull_request?.head?.sha;
    const baseRef = payload.pull_request?.base?.ref;
    // The event's count of changed files at its head and base: a file list GitHub answers empty at those two
    // commits is broken (at another base the list is another diff, and may be empty).
    const changedFiles = payload.pull_request?.changed_files;
    const baseSha = payload.pull_request?.base?.sha;
    const counted = typeof changedFiles === 'number' && baseSha ? { changedFiles, baseSha } : {};
    const expected = headSha && baseRef ? { headSha, baseRef, ...counted } : null;
    return { kind: 'pull', number, setStatus: false, expected };
  }
  if (settings.prNumber !== null)
    return { kind: 'pull', number: settings.prNumber, setStatus: true, expected: null };
  if (context.eventName === 'merge_group') {
    const sha = payload.merge_group?.head_sha ?? context.sha;
    const base = payload.merge_group?.base_ref;
    return { kind: 'commit', sha, schemaRef: base ? branch(base) : (defaultBranch ?? sha) };
  }
  const sha = (context.eventName === 'push' && payload.after) || context.sha;
  if (!sha) throw new RunError('GITHUB_SHA is not set; cannot tell which commit to check.');
  return { kind: 'commit', sha, schemaRef: defaultBranch ?? sha };
}

/**
 * Whether this is a re-run attempt that most likely finds our summary comment: not a `pull_request` run from a
 * fork, whose read-only token never posts one (taking the file list from the summary would only cost it a second
 * round trip there).
 */
export function rerunWithSummary(context: RunContext): boolean {
  if ((context.runAttempt ?? 1) <= 1) return false;
  const { payload } = context;
  const head = payload.pull_request?.head?.repo?.full_name;
  const fork = context.eventName === 'pull_request' && !!head && head !== payload.repository?.full_name;
  return !fork;
}
