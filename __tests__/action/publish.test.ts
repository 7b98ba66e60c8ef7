import type { ActionLog } from '../../src/action/log.js';
import { publish } from '../../src/action/publish.js';
import type { Annotation } from '../../src/annotation.js';
import { GitHubError } from '../../src/github/errors.js';
import { FakeGitHub } from '../support/fake-github.js';
import type { PullPlan } from '../../src/review/pull-plan.js';

const PATH = 'reports/README.md';
const PATCH = '@@ -1,8 +1,10 @@\n context\n+added';

function recordingLog() {
  const seen = { annotations: [] as Annotation[], warnings: [] as string[], notices: [] as string[] };
  const log: ActionLog = {
    info: () => undefined,
    notice: (m) => void seen.notices.push(m),
    warning: (m) => void seen.warnings.push(m),
    annotate: (a) => void seen.annotations.push(a),
    setOutput: () => undefined,
    setFailed: () => undefined,
    writeSummary: async () => undefined,
  };
  return { log, seen };
}

const review = (line: number) => ({
  first: {
    review: {
      commitId: 'head',
      body: 'first body',
      comments: [{ path: PATH, body: 'inline', line, startLine: null }],
    },
    listed: 1,
  },
  fallback: { review: { commitId: 'head', body: 'every finding', comments: [] }, listed: 2 },
});

function plan(overrides: Partial<PullPlan> = {}): PullPlan {
  return {
    number: 7,
    headSha: 'head',
    review: review(3),
    summary: { kind: 'create', body: 'summary' },
    resolve: ['T1'],
    resolveAfterReview: [],
    deleteComments: [],
    status: { state: 'failure', context: 'report-check', description: '1 error', targetUrl: null },
    annotations: [{ level: 'error', message: 'm', title: 't', file: PATH, startLine: 3, endLine: 3 }],
    ...overrides,
  };
}

function github(setup: ConstructorParameters<typeof FakeGitHub>[0] = {}) {
  return new FakeGitHub({
    files: [{ path: PATH, status: 'modified', previousPath: null, patch: PATCH }],
    threads: [{ id: 'T1', isResolved: false, isOutdated: false, path: PATH, comments: [], commentCount: 1 }],
    issueComments: [{ id: 5, author: 'github-actions[bot]', body: 'old' }],
    ...setup,
  });
}

describe('publish', () => {
  it('should annotate, then post the review, the summary, the resolutions and the status side by side', async () => {
    const gh = github();
    const { log, seen } = recordingLog();
    const outcome = await publish(plan(), { github: gh, log });
    expect(seen.annotations).toHaveLength(1);
    expect(gh.calls.map((c) => c.split(' ')[0])).toEqual([
      'createReview',
      'createIssueComment',
      'resolveReviewThreads',
      'createCommitStatus',
    ]);
    expect(gh.statuses).toEqual([{ sha: 'head', ...plan().status }]);
    expect(outcome).toEqual({ inline: 1, body: 1, summary: 'created', resolved: 1, forbidden: false });
  });

  it('should update the summary it is told to, and write nothing for an empty plan', async () => {
    const gh = github();
    const { log } = recordingLog();
    const updated = await publish(
      plan({ review: null, summary: { kind: 'update', id: 5, body: 'new' }, resolve: [], status: null }),
      { github: gh, log },
    );
    expect(gh.issueComments[0]?.body).toBe('new');
    expect(updated.summary).toBe('updated');
    const quiet = github();
    const nothing = await publish(
      plan({ review: null, summary: { kind: 'none' }, resolve: [], status: null, annotations: [] }),
      { github: quiet, log },
    );
    expect(quiet.calls).toEqual([]);
    expect(nothing).toEqual({ inline: 0, body: 0, summary: 'unchanged', resolved: 0, forbidden: false });
  });

  it('should post the fallback with a warning when GitHub refuses an inline line (422)', async () => {
    const gh = github();
    const { log, seen } = recordingLog();
    const outcome = await publish(plan({ review: review(40) }), { github: gh, log });
    expect(gh.reviews.map((r) => r.body)).toEqual(['every finding']);
    expect(seen.warnings).toEqual([expect.stringContaining('GitHub refused an inline comment')]);
    expect(outcome).toMatchObject({ inline: 0, body: 2 });
  });

  it('should name every write refused with 403 in one notice, and count the summary as failed', async () => {
    const gh = github({ readOnly: true });
    const { log, seen } = recordingLog();
    const outcome = await publish(plan(), { github: gh, log });
    expect(seen.notices).toHaveLength(1);
    expect(seen.notices[0]).toMatch(/may not post a review, comment, resolve threads, set a commit status/);
    expect(seen.annotations).toHaveLength(1);
    expect(outcome).toEqual({ inline: 0, body: 0, summary: 'failed', resolved: 0, forbidden: true });
  });

  it('should warn about any other failed write and carry on with the rest', async () => {
    const gh = github();
    gh.failures.set('createIssueComment', new GitHubError('comment', 'unavailable', 502, 'Bad Gateway'));
    const { log, seen } = recordingLog();
    const outcome = await publish(plan(), { github: gh, log });
    expect(seen.warnings).toEqual([expect.stringContaining('GitHub refused to comment (502: Bad Gateway)')]);
    expect(outcome).toMatchObject({ inline: 1, summary: 'failed', resolved: 1, forbidden: false });
  });
});
