import { readRunContext, rerunWithSummary, resolveTarget, type RunContext } from '../src/context.js';
import { settings as defaultSettings } from './support/results.js';

const settings = defaultSettings();

const ctx = (eventName: string, payload: RunContext['payload'], sha = 'sha0'): RunContext => ({
  eventName,
  owner: 'o',
  repo: 'r',
  sha,
  ref: '',
  payload,
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  runId: '1',
});

describe('readRunContext', () => {
  it('should read the GITHUB_* variables and the event payload', () => {
    const context = readRunContext(
      {
        GITHUB_REPOSITORY: 'acme/exam',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: '/event.json',
        GITHUB_SHA: 'abc',
        GITHUB_API_URL: 'http://127.0.0.1:1',
        GITHUB_RUN_ID: '5',
      },
      () => '{"pull_request": {"number": 3}}',
    );
    expect(context).toMatchObject({
      owner: 'acme',
      repo: 'exam',
      eventName: 'pull_request',
      sha: 'abc',
      apiUrl: 'http://127.0.0.1:1',
      runId: '5',
      payload: { pull_request: { number: 3 } },
    });
  });

  it('should refuse to run outside a workflow', () => {
    expect(() => readRunContext({}, () => '')).toThrow(/GITHUB_REPOSITORY is not set/);
  });

  it('should say which event file it could not read', () => {
    expect(() =>
      readRunContext({ GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: '/x.json' }, () => 'not json'),
    ).toThrow(/cannot read the event payload at \/x.json/);
  });
});

describe('resolveTarget', () => {
  it('should check the pull request of pull_request and pull_request_target events', () => {
    for (const event of ['pull_request', 'pull_request_target']) {
      expect(resolveTarget(ctx(event, { pull_request: { number: 4 } }), settings)).toEqual({
        kind: 'pull',
        number: 4,
        setStatus: false,
        expected: null,
      });
    }
  });

  it('should take the head and base the event names, to read the report without waiting for the PR', () => {
    const payload = { pull_request: { number: 4, head: { sha: 'h1' }, base: { ref: 'main' } } };
    expect(resolveTarget(ctx('pull_request_target', payload), settings)).toMatchObject({
      kind: 'pull',
      expected: { headSha: 'h1', baseRef: 'main' },
    });
  });

  it('should check the PR given by pr-number and set a status on it', () => {
    expect(resolveTarget(ctx('workflow_dispatch', {}), { ...settings, prNumber: 9 })).toEqual({
      kind: 'pull',
      number: 9,
      setStatus: true,
      expected: null,
    });
  });

  it('should check the dispatched commit and read the schema from the default branch', () => {
    expect(
      resolveTarget(ctx('workflow_dispatch', { repository: { default_branch: 'trunk' } }), settings),
    ).toEqual({
      kind: 'commit',
      sha: 'sha0',
      schemaRef: 'trunk',
    });
  });

  it('should check the pushed commit', () => {
    expect(resolveTarget(ctx('push', { after: 'sha9' }), settings)).toEqual({
      kind: 'commit',
      sha: 'sha9',
      schemaRef: 'sha9',
    });
  });

  it('should check the merge group head against its base branch', () => {
    expect(
      resolveTarget(
        ctx('merge_group', { merge_group: { head_sha: 'mg', base_ref: 'refs/heads/main' } }),
        settings,
      ),
    ).toEqual({ kind: 'commit', sha: 'mg', schemaRef: 'main' });
  });

  it('should refuse a pull_request payload without a number', () => {
    expect(() => resolveTarget(ctx('pull_request', {}), settings)).toThrow(/no pull request number/);
  });
});

describe('rerunWithSummary', () => {
  const pull = (head: string) => ({
    pull_request: { number: 4, head: { repo: { full_name: head } } },
    repository: { full_name: 'o/r' },
  });
  const attempt = (eventName: string, payload: RunContext['payload'], runAttempt: number) => ({
    ...ctx(eventName, payload),
    runAttempt,
  });

  it('should expect our summary on a re-run attempt of a pull request in the repository', () => {
    expect(rerunWithSummary(attempt('pull_request', pull('o/r'), 2))).toBe(true);
    expect(rerunWithSummary(attempt('pull_request_target', pull('fork/r'), 3))).toBe(true);
  });

  it('should not on a first attempt, nor on a fork pull_request run, whose read-only token never posts one', () => {
    expect(rerunWithSummary(attempt('pull_request', pull('o/r'), 1))).toBe(false);
    expect(rerunWithSummary(attempt('pull_request', pull('fork/r'), 2))).toBe(false);
  });
});
