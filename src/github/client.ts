import { defaults, getOctokitOptions } from '@actions/github/lib/utils';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { TimeBudgetError, type RequestBudget } from './budget.js';
import { GitHubError, type GitHubFailure } from './errors.js';
import { createHttpFetch } from './http-fetch.js';
import { limits, type RequestLimits } from './limits.js';

/** Give up on a rate limit that would make the job wait longer than this (seconds). */
const MAX_RATE_LIMIT_WAIT_S = 120;
/** Retries after a rate limit before giving up (the throttling plugin asks after each one). */
const MAX_RATE_LIMIT_RETRIES = 3;

/** How to reach GitHub: the one client setup for the action and for `report-check cohort`. */
export interface ClientOptions {
  /** The token, or null for public repositories at the unauthenticated rate limit (cohort runs only). */
  token: string | null;
  /** REST API root, e.g. `https://api.github.com` (GITHUB_API_URL); GraphQL is found from it. */
  baseUrl: string;
  /** Told when a request is retried after a rate limit. */
  onWarning?: (message: string) => void;
  /** Milliseconds per second of `retry-after` and of the retry plugin's back-off (1000; smaller in tests). */
  retryBaseMs?: number;
  /** Per-request timeout and the time retries may take (defaults: 30 s, 60 s). */
  limits?: Partial<RequestLimits>;
  /** The run's time budget: every request is aborted when it runs out, and nothing waits past it. */
  budget?: RequestBudget;
}

/** How the action's port reaches GitHub: a token and the repository every request is about. */
export interface OctokitPortOptions extends ClientOptions {
  token: string;
  owner: string;
  repo: string;
}

/**
 * The throttling plugin runs GraphQL and every write through one queue 1 s apart, and writes that notify people
 * (reviews, comments) through another 3 s apart. GitHub asks for that spacing when a client makes *many* writes;
 * a run makes at most four, each of a different kind, so the queues would only add sequential round trips (and
 * seconds) to every run. This group lets them run side by side; a secondary rate limit, should one come, is still
 * caught and retried after `retry-after` by the plugin's retry limiter.
 */
const sideBySideWrites = {
  key: () => ({
    schedule: <T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]) =>
      task(...args),
  }),
} as unknown as ThrottlingOptions['write'];

// `limits` first: its hook is the innermost, so it times each try and sees each retry. Plain Octokit, not
// @actions/github's GitHub class: every call is octokit.request or octokit.graphql, and the REST endpoint table
// that class adds is 83 KB of the action bundle (scripts/build.mjs leaves it out).
const RetryingGitHub = Octokit.plugin(limits, retry, throttling).defaults(defaults);

/** Octokit with the retry (5xx) and throttling (rate limits) plugins. */
export type Client = InstanceType<typeof RetryingGitHub>;

/** The client and the repository every request of the port is about. */
export interface Repo {
  octokit: Client;
  owner: string;
  repo: string;
}

/** Creates the Octokit client: retries on 5xx, waits out rate limits that end soon enough, and gives up on others. */
export function createClient(options: ClientOptions): Client {
  const base = options.retryBaseMs ?? 1000;
  const warn = options.onWarning ?? (() => undefined);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const left = options.budget ? options.budget.remainingMs() / base : Infinity;
      const again =
        retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= Math.min(MAX_RATE_LIMIT_WAIT_S, left);
      warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`,
      );
      return again;
    };
  const settings = {
    baseUrl: options.baseUrl,
    userAgent: 'report-check',
    request: { ...defaults.request, fetch: createHttpFetch() },
    // 429 is left to the throttling plugin, which honours retry-after; retrying it here too would double the wait.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: base },
    limits: { ...options.limits, budget: options.budget, retryBaseMs: base },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: base,
      write: sideBySideWrites,
      notifications: sideBySideWrites,
    },
  };
  // getOctokitOptions insists on a token; without one, Octokit sends no Authorization header at all.
  const client = new RetryingGitHub(options.token ? getOctokitOptions(options.token, settings) : settings);
  // A write answered 5xx, or not at all, may still have been carried out (one lost answer to a review POST gave
  // two reviews): it is never repeated blind here. The caller reads back what is posted and writes what is not
  // there (action/publish.ts). Rate-limit answers still retry: GitHub refused those before doing anything.
  client.hook.before('request', (request) => {
    if (mayBeApplied(request)) request.request = { ...request.request, retries: 0 };
  });
  return client;
}

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Whether a request changes something, so that a failure does not tell whether it happened (GraphQL: a mutation). */
export function mayBeApplied(request: { method?: string; url?: string; query?: unknown }): boolean {
  if (!WRITE_METHODS.has((request.method ?? 'GET').toUpperCase())) return false;
  if (request.url !== '/graphql') return true;
  return typeof request.query !== 'string' || /^\s*mutation\b/.test(request.query);
}

/** The `errors` a GraphQL answer carries. */
export interface GraphqlErrorLike {
  errors?: { type?: string; message: string; path?: (string | number)[] }[];
}

function graphqlFailure(type: string): GitHubFailure {
  if (type === 'FORBIDDEN') return 'forbidden';
  if (type === 'NOT_FOUND') return 'not-found';
  if (type === 'RATE_LIMITED') return 'rate-limited';
  return 'invalid';
}

function httpFailure(
  status: number,
  detail: string,
  headers: Record<string, string | undefined>,
): GitHubFailure {
  const rateLimited = headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(detail);
  if (status === 429 || (status === 403 && rateLimited)) return 'rate-limited';
  if (status === 403) return 'forbidden';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 0 || status >= 500) return 'unavailable';
  return 'invalid';
}

/** Maps anything a request threw to a {@link GitHubError} naming the operation. */
export function toGitHubError(operation: string, error: unknown): GitHubError {
  if (error instanceof GitHubError) return error;
  const e = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined>; data?: { message?: string } };
  } & GraphqlErrorLike;
  if (Array.isArray(e?.errors) && e.status === undefined) {
    const first = e.errors[0];
    const kind = graphqlFailure(first?.type ?? '');
    return new GitHubError(operation, kind, 200, first?.message ?? 'GraphQL error', { cause: error });
  }
  const status = typeof e?.status === 'number' ? e.status : 0;
  const detail = e?.response?.data?.message ?? e?.message ?? String(error);
  const kind = httpFailure(status, detail, e?.response?.headers ?? {});
  return new GitHubError(operation, kind, status, detail, { cause: error });
}

/** Runs one request, mapping whatever it throws to a {@link GitHubError} naming `operation`. */
export async function attempt<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TimeBudgetError) throw new TimeBudgetError(error.seconds, operation);
    throw toGitHubError(operation, error);
  }
}
