import { runAction, type ActionDeps } from '../../src/action.js';
import type { RunContext } from '../../src/context.js';
import type { Engine } from '../../src/engine.js';
import type { Settings } from '../../src/inputs.js';
import { FakeGitHub, type FakeGitHubSetup } from '../support/fake-github.js';
import { diag, recordingLog, result, settings as defaultSettings } from '../support/results.js';

// How many sequential round trips and requests a run costs: each one is about 150 ms on a real runner, so a first
// run is one wave of reads and one of writes, and an unchanged rerun one wave of reads.

const PATH = 'reports/README.md';
const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const PATCH = '@@ -1,8 +1,10 @@\n context\n+added';
const READS = ['getFile', 'getPullRequest', 'listPullFiles', 'listRepoFiles'];
const findings = [
  diag({ line: 3, fingerprint: 'in-diff' }),
  diag({ line: 40, question: 2, fingerprint: 'out' }),
];

/** The pull request as GitHub has it: head HEAD on main, the report changed. */
function pullRequest(setup: FakeGitHubSetup = {}): FakeGitHub {
  return new FakeGitHub({
    pull: { number: 7, headSha: HEAD, baseSha: 'b'.repeat(40), baseRef: 'main', state: 'OPEN' },
    files: [{ path: PATH, status: 'modified', previousPath: null, patch: PATCH }],
    trees: {
      [HEAD]: { [PATH]: '# report at the head' },
      [OLD]: { [PATH]: '# report before the push' },
      main: { '.github/schema.json': '{}' },
    },
    ...setup,
  });
}

/** The event a run sees: a pull_request naming `head` (null: a workflow_dispatch with pr-number 7). */
function context(head: string | null, eventName = 'pull_request'): RunContext {
  const pull_request = { number: 7, head: { sha: head ?? '' }, base: { ref: 'main' } };
  return {
    eventName: head === null ? 'workflow_dispatch' : eventName,
    owner: 'acme',
    repo: 'exam',
    sha: 'm'.repeat(40),
    ref: head === null ? 'refs/heads/main' : 'refs/pull/7/merge',
    payload: head === null ? { repository: { default_branch: 'main' } } : { pull_request },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runId: '99',
  };
}

function run(
  github: FakeGitHub,
  head: string | null,
  overrides: Partial<Settings> = {},
  eventName?: string,
  runAttempt = 1,
) {
  const { log, seen } = recordingLog();
  const checked: string[] = [];
  const engine: Engine = {
    checkReport: (input) => {
      checked.push(new TextDecoder().decode(input.content as Uint8Array));
      return result(findings);
    },
    loadConstraints: () => ({}) as ReturnType<Engine['loadConstraints']>,
  };
  const settings = defaultSettings({ prNumber: head === null ? 7 : null, ...overrides });
  const deps: ActionDeps = {
    github,
    log,
    settings,
    context: { ...context(head, eventName), runAttempt },
    engine,
  };
  github.waves = [];
  // The calls of one wave in name order: which of them is sent first does not matter.
  const waves = () => github.waves.map((wave) => [...wave].sort());
  return runAction(deps).then((outcome) => ({ outcome, seen, checked, waves: waves() }));
}

const requests = (waves: string[][]) => waves.flat().length;

describe('round trips of a pull request run', () => {
  it('should read everything in one wave and write in a second on a first run', async () => {
    for (const event of ['pull_request', 'pull_request_target']) {
      const github = pullRequest();
      const { waves, checked, outcome } = await run(github, HEAD, {}, event);
      expect(waves).toEqual([READS, ['createIssueComment', 'createReview']]);
      expect(requests(waves)).toBeLessThanOrEqual(6);
      expect(checked).toEqual(['# report at the head']);
      expect(outcome.posting).toMatchObject({ inline: 1, body: 1, summary: 'created' });
    }
  });

  it('should make one wave of reads and write nothing on an unchanged rerun', async () => {
    const github = pullRequest();
    await run(github, HEAD);
    const { waves, outcome } = await run(github, HEAD);
    expect(waves).toEqual([READS]);
    expect(outcome.status).toBe('failed');
    expect(github.reviews).toHaveLength(1);
    expect(github.issueComments).toHaveLength(1);
  });

  it('should make 3 requests in one wave and write nothing on a rerun attempt, the file list from our summary', async () => {
    const github = pullRequest();
    const first = await run(github, HEAD);
    const again = await run(github, HEAD, {}, undefined, 2);
    expect(again.waves).toEqual([['getFile', 'getPullRequest', 'listRepoFiles']]);
    expect(first.outcome.status).toBe('failed');
    expect(again.outcome.status).toBe('failed');
    expect(github.reviews).toHaveLength(1);
    expect(github.issueComments).toHaveLength(1);
    expect(github.calls.filter((c) => c.startsWith('listPullFiles'))).toHaveLength(1);
  });

  it('should read the file list, one round trip more, on a rerun attempt whose summary names another head', async () => {
    const github = pullRequest();
    await run(github, HEAD);
    const comment = github.issueComments[0]!;
    comment.body = comment.body.replace(/head=h+/, `head=${'e'.repeat(40)}`);
    const { waves, outcome } = await run(github, HEAD, {}, undefined, 2);
    expect(waves.slice(0, 2)).toEqual([['getFile', 'getPullRequest', 'listRepoFiles'], ['listPullFiles']]);
    expect(outcome.status).toBe('failed');
    // The summary is put right (its marker names this head again); nothing is posted twice.
    expect(github.issueComments[0]?.body).toContain(`head=${HEAD}`);
    expect(github.reviews).toHaveLength(1);
  });

  it('should read the file list on a rerun attempt with no summary of ours (nothing was posted)', async () => {
    const github = pullRequest({
      issueComments: [
        {
          id: 3,
          author: 'mia',
          mine: false,
          body: `x\n<!-- report-check:summary path=${PATH} head=${HEAD} base=${'b'.repeat(40)} hunks= -->`,
        },
      ],
    });
    const { waves, outcome } = await run(github, HEAD, {}, undefined, 2);
    expect(waves).toEqual([
      ['getFile', 'getPullRequest', 'listRepoFiles'],
      ['listPullFiles'],
      ['createIssueComment', 'createReview'],
    ]);
    // The student's marker claimed no hunks; the real patch lets the finding on line 3 go inline.
    expect(outcome.posting).toMatchObject({ inline: 1, body: 1, summary: 'created' });
  });

  it('should read the base schema in the same wave', async () => {
    const github = pullRequest();
    const { waves } = await run(github, HEAD, { schema: '.github/schema.json' });
    expect(waves).toHaveLength(2);
    expect(github.calls.slice(0, 5)).toContain('getFile .github/schema.json@main');
  });

  it('should read again at the new head, one round trip more, when the PR moved on since the event', async () => {
    const github = pullRequest({ trees: { [HEAD]: { [PATH]: '# report at the head' } } });
    const { waves, checked, seen } = await run(github, OLD);
    expect(waves).toEqual([READS, ['getFile', 'listRepoFiles'], ['createIssueComment', 'createReview']]);
    expect(github.calls).toContain(`getFile ${PATH}@${HEAD}`);
    // The findings are on the head whose patches GitHub listed, and the review goes on it.
    expect(checked).toEqual(['# report at the head']);
    expect(github.reviews[0]?.commitId).toBe(HEAD);
    // The old head's unlistable tree was not the one checked: no warning about skipped image checks.
    expect(seen.warnings).toEqual([]);
    expect(seen.infos.join('\n')).toContain(`not at ${OLD}`);
  });

  it('should read the schema again from the new base when the PR was retargeted since the event', async () => {
    const github = pullRequest();
    github.pull.baseRef = 'develop';
    github.trees.develop = { '.github/schema.json': '{}' };
    const { waves } = await run(github, HEAD, { schema: '.github/schema.json' });
    expect(waves).toHaveLength(3);
    expect(github.calls).toContain('getFile .github/schema.json@develop');
  });

  it('should take one round trip more on workflow_dispatch with pr-number, to learn the head', async () => {
    const github = pullRequest();
    const { waves } = await run(github, null);
    expect(waves).toEqual([
      ['getPullRequest', 'listPullFiles'],
      ['getFile', 'listRepoFiles'],
      ['createCommitStatus', 'createIssueComment', 'createReview'],
    ]);
  });

  it('should not fail a PR that leaves the report alone when the read alongside fails', async () => {
    const github = pullRequest({
      files: [{ path: 'README.md', status: 'modified', previousPath: null, patch: '' }],
    });
    const { outcome, waves } = await run(github, HEAD, { schema: '.github/missing.json' });
    expect(outcome.status).toBe('skipped');
    expect(waves).toHaveLength(1);
  });

  it('should fail as could-not-run when the read alongside fails and the report is changed', async () => {
    const github = pullRequest();
    const { outcome, seen } = await run(github, HEAD, { schema: '.github/missing.json' });
    expect(outcome.status).toBe('could-not-run');
    expect(seen.failed.join('')).toContain('.github/missing.json does not exist on main');
  });
});
