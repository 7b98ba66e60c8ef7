import { runAction } from '../../src/action.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { Engine } from '../../src/engine.js';
import { GitHubError } from '../../src/github/errors.js';
import { MAX_READ_BACKS } from '../../src/action/publish.js';
import { findingKey, isSummaryFor, listedKeys, marker } from '../../src/review/marker.js';
import { FakeGitHub, type FakeGitHubSetup, type SeedThread } from '../support/fake-github.js';
import { diag, recordingLog, result, settings as defaultSettings } from '../support/results.js';

// Writes whose answer is lost (applied, then 502 or a reset) or that fail unanswered: the run reads back and writes
// only what is not there, so nothing is posted twice, nothing is lost, and the step still fails on the findings.

const PATH = 'reports/README.md';
const HEAD = 'h'.repeat(40);
const PATCH = '@@ -1,8 +1,10 @@\n context\n+added';
const inDiff = diag({ line: 3, message: 'Question 1 has 10 words.', fingerprint: 'in-diff' });
const moved = diag({ line: 6, question: 3, message: 'Question 3 is over.', fingerprint: 'moved' });
const outside = diag({
  line: 40,
  question: 2,
  message: 'Question 2 lacks an image.',
  fingerprint: 'outside',
});
const FINDINGS = [inDiff, moved, outside];

const summaryBody = (text: string) => `${text}\n\n${marker('summary', { path: PATH })}`;
const thread = (id: string, key: string, extra: Partial<SeedThread> = {}): SeedThread => ({
  id,
  isResolved: false,
  isOutdated: false,
  path: PATH,
  comments: [{ author: 'github-actions[bot]', body: `old\n\n${marker('finding', { fp: key })}` }],
  commentCount: 1,
  ...extra,
});

/** A first run: nothing of ours on the PR yet. */
const firstRun = (): FakeGitHubSetup => ({});
/** A rerun after a push: a stale summary and its racing twin, a fixed finding's thread, a moved finding's thread. */
const rerun = (): FakeGitHubSetup => ({
  issueComments: [
    { id: 1, author: 'github-actions[bot]', body: summaryBody('2 errors (stale)') },
    { id: 2, author: 'github-actions[bot]', body: summaryBody('a racing run') },
  ],
  threads: [
    thread('FIXED', 'fixed'),
    thread('MOVED', 'moved', { isOutdated: true }),
    thread('KEPT', 'in-diff'),
  ],
});

function run(setup: FakeGitHubSetup) {
  const github = new FakeGitHub({
    pull: { number: 7, headSha: HEAD, baseSha: 'b'.repeat(40), baseRef: 'main', state: 'OPEN' },
    files: [{ path: PATH, status: 'modified', previousPath: null, patch: PATCH }],
    trees: { [HEAD]: { [PATH]: '# report' } },
    ...setup,
  });
  const engine: Engine = {
    checkReport: () => result(FINDINGS as Diagnostic[]),
    loadConstraints: () => {
      throw new Error('no schema in these tests');
    },
  };
  const settings = defaultSettings({ path: PATH });
  const context = {
    eventName: 'pull_request',
    owner: 'acme',
    repo: 'exam',
    sha: 'm'.repeat(40),
    ref: 'refs/pull/7/merge',
    payload: { pull_request: { number: 7, head: { sha: HEAD } } },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runId: '99',
  };
  const { log, seen } = recordingLog();
  return { github, seen, go: () => runAction({ github, log, settings, context, engine }) };
}

/** What a student sees afterwards: our reviews, our summaries, our open threads per finding key. */
function conversation(github: FakeGitHub) {
  const summaries = github.issueComments.filter((c) => isSummaryFor(c.body, PATH));
  const open = new Map<string, number>();
  for (const t of github.threads) {
    const key = findingKey(t.comments[0]?.body ?? '');
    if (key && !t.isResolved) open.set(key, (open.get(key) ?? 0) + 1);
  }
  const listed = github.reviews.flatMap((r) => listedKeys(r.body));
  return { reviews: github.reviews.length, summaries: summaries.length, open, listed };
}

const lostAnswer = () => new GitHubError('write', 'unavailable', 502, 'Bad Gateway');
const reset = () => new GitHubError('write', 'unavailable', 0, 'socket hang up');

describe.each([
  ['applied, then answered 502', 'lostAnswers', lostAnswer],
  ['applied, then the connection reset', 'lostAnswers', reset],
  ['reset before it was applied', 'failures', reset],
  ['answered 502 without being applied', 'failures', lostAnswer],
] as const)('a write %s', (_name, map, error) => {
  it.each(['createReview', 'createIssueComment'])('at %s on a first run', async (position) => {
    const h = run(firstRun());
    h.github[map].set(position, error());
    const outcome = await h.go();
    const c = conversation(h.github);
    expect([c.reviews, c.summaries]).toEqual([1, 1]);
    expect([...c.open.entries()].sort()).toEqual([
      ['in-diff', 1],
      ['moved', 1],
    ]);
    expect(c.listed).toEqual(['outside']);
    expect(outcome.status).toBe('failed');
    expect(h.seen.failed).toHaveLength(1);
    expect(h.seen.warnings).toEqual([]);
    expect(h.seen.infos.some((m) => m.includes('reading back'))).toBe(true);
  });

  it.each(['createReview', 'updateIssueComment', 'deleteIssueComment', 'resolveReviewThreads'])(
    'at %s on a rerun with a moved finding, a fixed one and two summaries',
    async (position) => {
      const h = run(rerun());
      h.github[map].set(position, error());
      const outcome = await h.go();
      const c = conversation(h.github);
      expect([c.reviews, c.summaries]).toEqual([1, 1]);
      // The oldest summary is kept and brought up to date; the fixed finding's thread is resolved.
      expect(h.github.issueComments.map((x) => x.id)).toEqual([1]);
      expect(h.github.issueComments[0]?.body).not.toContain('stale');
      expect([...c.open.entries()].sort()).toEqual([
        ['in-diff', 1],
        ['moved', 1],
      ]);
      expect(h.github.threads.find((t) => t.id === 'MOVED')?.isResolved).toBe(true);
      expect(outcome.status).toBe('failed');
      expect(h.seen.warnings).toEqual([]);
    },
  );
});

describe('a write that keeps failing', () => {
  it('should stop after a bounded number of read-backs, warn, and still fail on the findings', async () => {
    const h = run(firstRun());
    const create = h.github.createIssueComment.bind(h.github);
    let tries = 0;
    h.github.createIssueComment = async (number, body) => {
      tries++;
      await create(number, body);
      throw lostAnswer();
    };
    const outcome = await h.go();
    // Every try was applied and read back, so it is never tried twice: one summary, no warning.
    expect(tries).toBe(1);
    expect(conversation(h.github).summaries).toBe(1);
    expect(outcome.posting?.summary).toBe('created');

    const down = run(firstRun());
    down.github.createIssueComment = async () => {
      tries++;
      throw reset();
    };
    tries = 0;
    const failed = await down.go();
    expect(tries).toBe(1 + MAX_READ_BACKS);
    expect(down.seen.warnings).toEqual([expect.stringContaining('socket hang up')]);
    expect(failed.status).toBe('failed');
    expect(failed.posting?.summary).toBe('failed');
    expect(conversation(down.github).reviews).toBe(1);
  });

  it('should warn and not write again when the read-back fails too', async () => {
    const h = run(firstRun());
    h.github.lostAnswers.set('createReview', lostAnswer());
    const read = h.github.getPullRequest.bind(h.github);
    let reads = 0;
    h.github.getPullRequest = async (n) => {
      if (++reads > 1) throw new GitHubError('read pull request', 'unavailable', 503, 'Unavailable');
      return read(n);
    };
    const outcome = await h.go();
    expect(conversation(h.github).reviews).toBe(1);
    expect(h.seen.warnings).toEqual([
      expect.stringContaining('Unavailable'),
      expect.stringContaining('Bad Gateway'),
    ]);
    expect(outcome.status).toBe('failed');
  });

  it('should not read back after a write GitHub refused (4xx): it was not applied and would be refused again', async () => {
    const h = run(firstRun());
    h.github.failures.set(
      'createIssueComment',
      new GitHubError('comment', 'invalid', 422, 'Body is too long'),
    );
    await h.go();
    expect(h.github.calls.filter((x) => x.startsWith('getPullRequest'))).toHaveLength(1);
    expect(h.seen.warnings).toEqual([expect.stringContaining('Body is too long')]);
  });
});
