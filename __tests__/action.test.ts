import { runAction, type ActionDeps, type ActionLog } from '../src/action.js';
import type { Annotation } from '../src/annotation.js';
import type { CheckInput } from '../src/check.js';
import type { RunContext } from '../src/context.js';
import type { Diagnostic } from '../src/diagnostic.js';
import { GitHubError } from '../src/github/errors.js';
import { FakeGitHub, type FakeGitHubSetup } from './support/fake-github.js';
import type { Settings } from '../src/inputs.js';
import type { Engine } from '../src/engine.js';
import { formatJson } from '../src/output/json.js';
import { marker, readMarker } from '../src/review/marker.js';
import type { CheckResult } from '../src/result.js';
import type { FileLookup } from '../src/validate/images.js';
import { diag, result, settings as defaultSettings } from './support/results.js';

const PATH = 'reports/README.md';
const HEAD = 'h'.repeat(40);
const BASE = 'b'.repeat(40);
// The diff shows new lines 1-10.
const PATCH = '@@ -1,8 +1,10 @@\n context\n+added';

class RecordingLog implements ActionLog {
  infos: string[] = [];
  notices: string[] = [];
  warnings: string[] = [];
  annotations: Annotation[] = [];
  outputs: Record<string, string> = {};
  failed: string[] = [];
  summaries: string[] = [];
  info(m: string) {
    this.infos.push(m);
  }
  notice(m: string) {
    this.notices.push(m);
  }
  warning(m: string) {
    this.warnings.push(m);
  }
  annotate(a: Annotation) {
    this.annotations.push(a);
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  setFailed(m: string) {
    this.failed.push(m);
  }
  async writeSummary(markdown: string) {
    this.summaries.push(markdown);
  }
}

interface Harness {
  deps: ActionDeps;
  github: FakeGitHub;
  log: RecordingLog;
  checked: CheckInput[];
  schemas: { text: string; source: string }[];
}

const inDiff = diag({ line: 3, message: 'Question 1 has 10 words.', fingerprint: 'in-diff' });
const outside = diag({
  line: 40,
  question: 2,
  message: 'Question 2 is missing an image.',
  fingerprint: 'outside',
});
const warning = diag({
  line: 5,
  severity: 'warning',
  question: 3,
  message: 'Check this.',
  fingerprint: 'warn',
});

function harness(
  options: {
    github?: FakeGitHubSetup;
    settings?: Partial<Settings>;
    event?: Partial<RunContext>;
    check?: (input: CheckInput) => CheckResult;
  } = {},
): Harness {
  const github = new FakeGitHub({
    pull: { number: 7, headSha: HEAD, baseSha: BASE, baseRef: 'main', state: 'OPEN' },
    files: [{ path: PATH, status: 'modified', previousPath: null, patch: PATCH }],
    trees: {
      [HEAD]: { [PATH]: '# report', 'reports/figures/a.png': new Uint8Array(1) },
      main: { '.github/schema.json': '{"base": true}' },
    },
    ...options.github,
  });
  const log = new RecordingLog();
  const checked: CheckInput[] = [];
  const schemas: { text: string; source: string }[] = [];
  const engine: Engine = {
    checkReport: (input) => {
      checked.push(input);
      return options.check ? options.check(input) : result([inDiff, outside, warning]);
    },
    loadConstraints: (text, source) => {
      schemas.push({ text, source });
      return { text } as unknown as ReturnType<Engine['loadConstraints']>;
    },
  };
  const settings = defaultSettings({ path: PATH, ...options.settings });
  const context: RunContext = {
    eventName: 'pull_request',
    owner: 'acme',
    repo: 'exam',
    sha: 'm'.repeat(40),
    ref: 'refs/pull/7/merge',
    payload: { pull_request: { number: 7, head: { sha: 'stale' } }, repository: { default_branch: 'main' } },
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    runId: '99',
    ...options.event,
  };
  return { deps: { github, log, settings, context, engine }, github, log, checked, schemas };
}

const writes = (github: FakeGitHub) =>
  github.calls.filter((c) => /^(create|update|resolve)/.test(c)).map((c) => c.split(' ')[0]);

describe('runAction on a pull request', () => {
  it('should check the report at the PR head, comment inline on diff lines and list the rest in the body', async () => {
    const h = harness();
    const outcome = await runAction(h.deps);
    expect(h.checked[0]).toMatchObject({ path: PATH, files: [PATH, 'reports/figures/a.png'], strict: false });
    expect(h.github.calls).toContain(`getFile ${PATH}@${HEAD}`);
    expect(h.github.reviews).toHaveLength(1);
    const review = h.github.reviews[0]!;
    expect(review.commitId).toBe(HEAD);
    expect(review.comments?.map((c) => [c.line, readMarker(c.body)?.fields.fp])).toEqual([
      [3, 'in-diff'],
      [5, 'warn'],
    ]);
    expect(review.body).toContain('Question 2 is missing an image.');
    expect(readMarker(review.body)?.fields.listed).toBe('outside');
    expect(h.github.issueComments).toHaveLength(1);
    expect(readMarker(h.github.issueComments[0]?.body ?? '')).toMatchObject({
      kind: 'summary',
      fields: { path: PATH, head: HEAD },
    });
    expect(outcome).toMatchObject({ status: 'failed', posting: { inline: 2, body: 1, summary: 'created' } });
  });

  it('should read the PR and its files, then the report and tree, then write when the event names no head', async () => {
    const h = harness();
    await runAction(h.deps);
    expect(h.github.waves).toEqual([
      ['getPullRequest', 'listPullFiles'],
      ['getFile', 'listRepoFiles'],
      ['createReview', 'createIssueComment'],
    ]);
  });

  it('should annotate every finding, errors first, set the outputs, write the job summary and fail the step', async () => {
    const h = harness();
    await runAction(h.deps);
    expect(h.log.annotations.map((a) => [a.level, a.startLine])).toEqual([
      ['error', 3],
      ['error', 40],
      ['warning', 5],
    ]);
    expect(h.log.outputs).toEqual({
      result: formatJson([result([inDiff, outside, warning])]),
      errors: '2',
      warnings: '1',
      'course-checker': 'fail',
    });
    expect(h.log.summaries.join('')).toContain('Question 2 is missing an image.');
    expect(h.log.failed).toEqual([
      `report-check: ${PATH} has 2 errors, 1 warning, 0 notices (fail-on: error). See the annotations and the job summary.`,
    ]);
  });

  it('should clip a finding spanning two hunks to the first, which GitHub accepts', async () => {
    const h = harness({
      github: {
        files: [
          {
            path: PATH,
            status: 'modified',
            previousPath: null,
            patch: '@@ -1,4 +1,5 @@\n+a\n@@ -20,3 +21,3 @@\n+b',
          },
        ],
      },
      check: () => result([diag({ line: 3, endLine: 22, fingerprint: 'long' })]),
    });
    const outcome = await runAction(h.deps);
    expect(h.github.reviews[0]?.comments?.map((c) => [c.startLine, c.line])).toEqual([[3, 5]]);
    expect(outcome.posting).toMatchObject({ inline: 1, body: 0 });
    expect(h.log.warnings).toEqual([]);
  });

  it('should post nothing new when rerun on the same head', async () => {
    const h = harness();
    await runAction(h.deps);
    h.github.calls = [];
    const second = harness({
      github: {
        threads: h.github.threads,
        issueComments: h.github.issueComments,
        reviews: h.github.reviews,
      },
    });
    const outcome = await runAction(second.deps);
    expect(writes(second.github)).toEqual([]);
    expect(outcome.posting).toMatchObject({ inline: 0, body: 0, summary: 'unchanged', resolved: 0 });
    expect(second.log.failed).toHaveLength(1);
  });

  it('should resolve our thread of a fixed finding, but not one with a human reply or someone else thread', async () => {
    const own = (fp: string, extra = {}) => ({
      id: `T-${fp}`,
      isResolved: false,
      isOutdated: false,
      path: PATH,
      comments: [{ author: 'github-actions', body: `x\n${marker('finding', { fp })}` }],
      commentCount: 1,
      ...extra,
    });
    const h = harness({
      github: {
        threads: [
          own('in-diff'),
          own('fixed'),
          own('discussed', {
            comments: [
              { author: 'github-actions', body: marker('finding', { fp: 'discussed' }) },
              { author: 'student', body: 'why?' },
            ],
            commentCount: 2,
          }),
          { ...own('foreign'), comments: [{ author: 'raj', body: marker('finding', { fp: 'foreign' }) }] },
        ],
      },
    });
    const outcome = await runAction(h.deps);
    expect(h.github.calls).toContain('resolveReviewThreads T-fixed');
    expect(h.github.threads.filter((t) => t.isResolved).map((t) => t.id)).toEqual(['T-fixed']);
    // in-diff already has a current thread: only `warn` is new inline.
    expect(h.github.reviews.at(-1)?.comments?.map((c) => readMarker(c.body)?.fields.fp)).toEqual(['warn']);
    expect(outcome.posting?.resolved).toBe(1);
  });

  it('should take the key of our thread from the marker on its last line, not one a student planted', async () => {
    // A comment posted before code spans were defused: the finding's message echoed a marker verbatim.
    const planted = `Question 1 links \`${marker('finding', { fp: 'deadbeef' })}\`.png\n\n`;
    const h = harness({
      github: {
        threads: [
          {
            id: 'T1',
            isResolved: false,
            isOutdated: false,
            path: PATH,
            comments: [
              { author: 'github-actions[bot]', body: `${planted}${marker('finding', { fp: 'in-diff' })}` },
            ],
            commentCount: 1,
          },
        ],
      },
    });
    const outcome = await runAction(h.deps);
    expect(h.github.reviews.at(-1)?.comments?.map((c) => readMarker(c.body)?.fields.fp)).toEqual(['warn']);
    expect(outcome.posting?.resolved).toBe(0);
  });

  it('should comment again on a finding whose old thread is outdated', async () => {
    const h = harness({
      github: {
        threads: [
          {
            id: 'T1',
            isResolved: false,
            isOutdated: true,
            path: PATH,
            comments: [{ author: 'github-actions[bot]', body: marker('finding', { fp: 'in-diff' }) }],
            commentCount: 1,
          },
        ],
      },
    });
    await runAction(h.deps);
    expect(h.github.reviews.at(-1)?.comments?.map((c) => readMarker(c.body)?.fields.fp)).toContain('in-diff');
  });

  it('should update our summary comment in place and ignore a student comment carrying the same marker', async () => {
    const summary = marker('summary', { path: PATH });
    const h = harness({
      github: {
        issueComments: [
          { id: 1, author: 'student', body: `fake\n${summary}` },
          { id: 2, author: 'github-actions', body: `old\n${summary}` },
        ],
      },
    });
    await runAction(h.deps);
    expect(h.github.calls).toContain('updateIssueComment 2');
    expect(h.github.issueComments.find((c) => c.id === 1)?.body).toBe(`fake\n${summary}`);
    expect(h.github.issueComments).toHaveLength(2);
  });

  it('should not take our comment that quotes another summary marker mid-body for the summary', async () => {
    const h = harness({
      github: {
        issueComments: [
          { id: 3, author: 'github-actions[bot]', body: `see ${marker('summary', { path: PATH })} here` },
        ],
      },
    });
    await runAction(h.deps);
    expect(h.github.calls).toContain('createIssueComment #7');
    expect(h.github.calls).not.toContain('updateIssueComment 3');
  });

  it('should recognise its own comments by the viewer login when the token is not the Actions bot', async () => {
    const summary = marker('summary', { path: PATH });
    const h = harness({
      github: {
        viewer: 'report-bot-app[bot]',
        issueComments: [
          { id: 1, author: 'github-actions[bot]', body: `another bot\n${summary}` },
          // A summary posted before the marker moved to the last line: the marker is the whole first line.
          { id: 2, author: 'report-bot-app', body: `${summary}\nours` },
        ],
      },
    });
    await runAction(h.deps);
    expect(h.github.calls).toContain('updateIssueComment 2');
    expect(h.github.calls).not.toContain('updateIssueComment 1');
  });

  it('should recognise its own comments by viewerDidAuthor when GitHub will not name the viewer (App token)', async () => {
    // A GitHub App's token: `viewer` is refused, and it writes as report-app[bot], not github-actions[bot].
    const app = { viewer: null, login: 'report-app[bot]' };
    const h = harness({ github: app });
    await runAction(h.deps);
    const rerun = harness({
      github: {
        ...app,
        threads: h.github.threads,
        issueComments: [
          { id: 1, author: 'github-actions', body: `not ours\n${marker('summary', { path: PATH })}` },
          ...h.github.issueComments,
        ],
        reviews: h.github.reviews,
      },
    });
    const outcome = await runAction(rerun.deps);
    expect(writes(rerun.github)).toEqual([]);
    expect(outcome.posting).toMatchObject({ inline: 0, body: 0, summary: 'unchanged' });
  });

  it('should finish quickly with success and a notice when the PR does not touch the report', async () => {
    const h = harness({
      github: { files: [{ path: 'README.md', status: 'modified', previousPath: null, patch: '' }] },
    });
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('skipped');
    expect(h.github.calls.map((c) => c.split(' ')[0])).toEqual(['getPullRequest', 'listPullFiles']);
    expect(h.log.notices).toEqual([`${PATH} is not changed by pull request #7; nothing to check.`]);
    expect(h.log.failed).toEqual([]);
    expect(h.log.outputs).toMatchObject({ errors: '0', warnings: '0', 'course-checker': '' });
  });

  it('should fail, not pass as "not changed", when no file is at the path at the head the event names', async () => {
    // `path: report/README.md` (a typo): the pull request does not touch it because it is not there at all. A
    // push or merge-queue run fails on it, so the pull request's run must too.
    const h = harness({
      settings: { path: 'report/README.md' },
      github: { files: [{ path: 'README.md', status: 'modified', previousPath: null, patch: '' }] },
      event: {
        payload: {
          pull_request: { number: 7, head: { sha: HEAD }, base: { ref: 'main' } },
          repository: { default_branch: 'main' },
        },
      },
    });
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('failed');
    expect(h.log.notices).toEqual([]);
    expect(outcome.result?.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['report-missing', expect.stringContaining('report/README.md does not exist')],
    ]);
  });

  it('should not tell the student the report is missing when GitHub lists it as changed but has no file', async () => {
    // Two answers of GitHub that disagree: a read to try again, never a "report missing" review.
    const h = harness({ github: { trees: { [HEAD]: { 'reports/figures/a.png': new Uint8Array(1) } } } });
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.github.reviews).toEqual([]);
    expect(h.log.failed.join('\n')).toContain(
      `GitHub lists ${PATH} as changed by pull request #7, but has no such file at its head`,
    );
  });

  it('should update our old summary and resolve our threads when the PR no longer touches the report', async () => {
    // Run 1 saw the report changed with findings; then the change was reverted.
    const h = harness();
    await runAction(h.deps);
    const reverted = harness({
      github: {
        files: [{ path: 'README.md', status: 'modified', previousPath: null, patch: PATCH }],
        threads: h.github.threads,
        issueComments: h.github.issueComments,
        reviews: h.github.reviews,
      },
    });
    const outcome = await runAction(reverted.deps);
    expect(outcome.status).toBe('skipped');
    expect(writes(reverted.github)).toEqual(['updateIssueComment', 'resolveReviewThreads']);
    const summary = reverted.github.issueComments[0]?.body ?? '';
    expect(summary).toContain(`${PATH}\` is not changed by this pull request`);
    expect(summary).not.toContain('2 errors');
    expect(readMarker(summary)).toEqual({ kind: 'summary', fields: { path: PATH } });
    expect(reverted.github.threads.every((t) => t.isResolved)).toBe(true);
    expect(reverted.log.failed).toEqual([]);
    // Once said, a rerun writes nothing.
    const again = harness({
      github: {
        files: [],
        threads: reverted.github.threads,
        issueComments: reverted.github.issueComments,
        reviews: reverted.github.reviews,
      },
    });
    await runAction(again.deps);
    expect(writes(again.github)).toEqual([]);
  });

  it('should leave a human-discussed thread alone when the PR no longer touches the report', async () => {
    const h = harness({
      github: {
        files: [],
        threads: [
          {
            id: 'T1',
            isResolved: false,
            isOutdated: true,
            path: PATH,
            comments: [
              { author: 'github-actions[bot]', body: marker('finding', { fp: 'x' }) },
              { author: 'student', body: 'done?' },
            ],
            commentCount: 2,
          },
        ],
      },
    });
    await runAction(h.deps);
    expect(writes(h.github)).toEqual([]);
  });

  it('should check the report at the head when the PR lists 3,000 files, the most GitHub lists', async () => {
    const files = Array.from({ length: 3000 }, (_, i) => ({
      path: `data/${String(i).padStart(4, '0')}.csv`,
      status: 'added' as const,
      previousPath: null,
      patch: '@@ -0,0 +1 @@\n+x',
    }));
    const h = harness({ github: { files } });
    const outcome = await runAction(h.deps);
    expect(h.github.calls).toContain(`getFile ${PATH}@${HEAD}`);
    expect(outcome.status).toBe('failed');
    // Its patch is unknown, so no line can take an inline comment: every finding is in the review body.
    expect(outcome.posting).toMatchObject({ inline: 0, body: 3 });
    expect(h.log.infos.join('\n')).toContain("3000 files, GitHub's limit");
  });

  it('should still finish quickly when the PR lists fewer files, none of them the report', async () => {
    const files = Array.from({ length: 2999 }, (_, i) => ({
      path: `data/${i}.csv`,
      status: 'added' as const,
      previousPath: null,
      patch: null,
    }));
    const h = harness({ github: { files } });
    expect((await runAction(h.deps)).status).toBe('skipped');
  });

  it('should report a deleted report as an error without reading it', async () => {
    const h = harness({
      github: { files: [{ path: PATH, status: 'removed', previousPath: null, patch: '@@ -1,2 +0,0 @@' }] },
    });
    const outcome = await runAction(h.deps);
    expect(h.checked).toEqual([]);
    expect(outcome.result?.diagnostics.map((d) => d.ruleId)).toEqual(['report-deleted']);
    expect(h.github.reviews[0]?.body).toContain('This pull request deletes reports/README.md');
    expect(h.log.failed).toHaveLength(1);
  });

  it('should report a report moved away from its path', async () => {
    const h = harness({
      github: { files: [{ path: 'reports/old.md', status: 'renamed', previousPath: PATH, patch: null }] },
    });
    const outcome = await runAction(h.deps);
    expect(outcome.result?.diagnostics[0]).toMatchObject({ ruleId: 'report-renamed', severity: 'error' });
    expect(outcome.result?.diagnostics[0]?.message).toContain('moves reports/README.md to reports/old.md');
  });

  it('should check a report renamed onto the path', async () => {
    const h = harness({
      github: { files: [{ path: PATH, status: 'renamed', previousPath: 'old.md', patch: PATCH }] },
    });
    await runAction(h.deps);
    expect(h.checked).toHaveLength(1);
  });

  it('should report a report over 1 MiB without checking it', async () => {
    const h = harness({ github: { trees: { [HEAD]: { [PATH]: { size: 2_000_000 } } } } });
    const outcome = await runAction(h.deps);
    expect(h.checked).toEqual([]);
    expect(outcome.result?.diagnostics[0]?.ruleId).toBe('report-too-large');
  });

  it('should report a binary report as the CLI does, without checking it', async () => {
    const bytes = new Uint8Array([0x23, 0x20, 0x00, 0x41]);
    const h = harness({ github: { trees: { [HEAD]: { [PATH]: bytes } } } });
    const outcome = await runAction(h.deps);
    expect(h.checked).toEqual([]);
    expect(outcome.result?.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      [
        'report-binary',
        `${PATH} is a binary file (NUL byte at offset 2); commit the report as markdown text.`,
      ],
    ]);
    expect(h.log.annotations.map((a) => a.title)).toEqual(['report-check: report-binary']);
  });

  it('should read a custom schema from the base branch, never the PR head', async () => {
    const h = harness({
      settings: { schema: '.github/schema.json' },
      github: {
        trees: {
          [HEAD]: { [PATH]: '# report', '.github/schema.json': '{"loosened": true}' },
          main: { '.github/schema.json': '{"base": true}' },
        },
      },
    });
    await runAction(h.deps);
    expect(h.github.calls).toContain('getFile .github/schema.json@main');
    expect(h.github.calls).not.toContain(`getFile .github/schema.json@${HEAD}`);
    expect(h.schemas).toEqual([{ text: '{"base": true}', source: '.github/schema.json (main)' }]);
    expect(h.checked[0]?.constraints).toEqual({ text: '{"base": true}' });
  });

  it('should fail as "could not run" when the custom schema is missing on the base branch', async () => {
    const h = harness({ settings: { schema: 'nope.json' } });
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.log.failed).toEqual(['report-check could not run: schema: nope.json does not exist on main']);
  });

  it('should check without the file list, and fail as "could not run", when it cannot be read', async () => {
    // The report links an image in the repository: its check needs the list, which says nothing about it.
    const h = harness({
      check: (input) => {
        const files = input.files as FileLookup;
        expect(files.has('reports/figures/a.png')).toBe(false);
        files.unknown?.('reports/figures/a.png');
        return result([inDiff]);
      },
    });
    h.github.failures.set('listRepoFiles', new GitHubError('list files', 'unavailable', 502, 'Bad Gateway'));
    const outcome = await runAction(h.deps);
    expect(h.checked[0]?.files).toHaveProperty('unknown');
    expect(outcome.status).toBe('could-not-run');
    expect(h.log.failed[0]).toContain('checks skipped (image-missing');
  });
});

describe('runAction with a read-only token', () => {
  it('should fall back to annotations and the job summary, say why once, and still gate', async () => {
    const h = harness({ github: { readOnly: true, threads: [] } });
    const outcome = await runAction(h.deps);
    expect(h.log.notices).toHaveLength(1);
    expect(h.log.notices[0]).toContain('pull-requests: write');
    expect(h.log.annotations).toHaveLength(3);
    expect(h.log.summaries.join('')).toContain('could not post');
    expect(h.log.failed).toHaveLength(1);
    expect(outcome.posting?.forbidden).toBe(true);
    expect(h.log.warnings).toEqual([]);
  });
});

describe('runAction when only the commit status is refused', () => {
  it('should post the review and name the refused write in its one notice', async () => {
    const h = harness({ settings: { prNumber: 7 }, event: { eventName: 'workflow_dispatch', payload: {} } });
    h.github.failures.set(
      'createCommitStatus',
      new GitHubError(
        'set a commit status on hhhhhhh',
        'forbidden',
        403,
        'Resource not accessible by integration',
      ),
    );
    await runAction(h.deps);
    expect(h.github.reviews).toHaveLength(1);
    expect(h.log.notices).toHaveLength(1);
    expect(h.log.notices[0]).toMatch(/^report-check may not set a commit status on hhhhhhh with this token/);
    expect(h.log.notices[0]).toContain('statuses: write');
  });
});

describe('runAction when posting fails', () => {
  it('should post every finding in the body when GitHub refuses an inline line (422)', async () => {
    const h = harness();
    h.github.failures.set(
      'createReview',
      new GitHubError(
        'post a review',
        'invalid',
        422,
        'Pull request review thread line must be part of the diff',
      ),
    );
    const outcome = await runAction(h.deps);
    expect(h.github.reviews).toHaveLength(1);
    expect(h.github.reviews[0]?.comments).toEqual([]);
    expect(
      readMarker(h.github.reviews[0]?.body ?? '')
        ?.fields.listed?.split(',')
        .sort(),
    ).toEqual(['in-diff', 'outside', 'warn']);
    expect(outcome.posting).toMatchObject({ inline: 0, body: 3 });
  });

  it('should not try the findings inline again on a rerun after a 422 put them all in the body', async () => {
    const h = harness();
    h.github.failures.set(
      'createReview',
      new GitHubError(
        'post a review',
        'invalid',
        422,
        'Pull request review thread line must be part of the diff',
      ),
    );
    await runAction(h.deps);
    const rerun = harness({
      github: { threads: h.github.threads, issueComments: h.github.issueComments, reviews: h.github.reviews },
    });
    const outcome = await runAction(rerun.deps);
    expect(writes(rerun.github)).toEqual([]);
    expect(outcome.posting).toMatchObject({ inline: 0, body: 0 });
  });

  it('should warn, keep the findings and still gate when the summary comment cannot be written', async () => {
    const h = harness();
    h.github.failures.set(
      'createIssueComment',
      new GitHubError('comment', 'invalid', 422, 'Body is too long (maximum is 65536 characters)'),
    );
    const outcome = await runAction(h.deps);
    expect(outcome.posting?.summary).toBe('failed');
    expect(h.log.warnings[0]).toContain('Body is too long');
    expect(h.log.annotations).toHaveLength(3);
    expect(h.log.failed).toHaveLength(1);
  });
});

describe('runAction gate', () => {
  it.each([
    ['never', [inDiff], 0],
    ['error', [warning], 0],
    ['warning', [warning], 1],
  ] as const)('should honour fail-on=%s', async (failOn, diagnostics, failures) => {
    const h = harness({ settings: { failOn }, check: () => result([...diagnostics] as Diagnostic[]) });
    await runAction(h.deps);
    expect(h.log.failed).toHaveLength(failures);
  });

  it('should fail as "could not run" when GitHub is down', async () => {
    const h = harness();
    h.github.failures.set(
      'getPullRequest',
      new GitHubError('read pull request #7', 'unavailable', 502, 'Bad Gateway'),
    );
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.log.failed[0]).toMatch(
      /^report-check could not run: GitHub refused to read pull request #7 \(502/,
    );
    expect(JSON.parse(h.log.outputs.result ?? '')).toMatchObject({ errors: [{ path: PATH }] });
  });

  it('should say "could not run" in our existing summary, and set an error status when one is due', async () => {
    const first = harness();
    await runAction(first.deps);
    const h = harness({
      settings: { schema: 'nope.json', prNumber: 7 },
      event: { eventName: 'workflow_dispatch', payload: {} },
      github: { issueComments: first.github.issueComments },
    });
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    const summary = h.github.issueComments[0]?.body ?? '';
    expect(summary).toContain('report-check could not run');
    expect(summary).toContain('schema: nope.json does not exist on main');
    expect(summary).not.toContain('2 errors');
    expect(readMarker(summary)).toEqual({ kind: 'summary', fields: { path: PATH } });
    expect(h.github.statuses).toEqual([
      expect.objectContaining({ sha: HEAD, state: 'error', context: 'report-check' }),
    ]);
    expect(h.github.statuses[0]?.description).toMatch(/^could not run: schema: nope\.json/);
    expect(h.log.failed).toEqual(['report-check could not run: schema: nope.json does not exist on main']);
  });

  it('should say "could not run" in our summary when listing the PR files fails after the PR was read', async () => {
    const first = harness();
    await runAction(first.deps);
    const h = harness({ github: { issueComments: first.github.issueComments } });
    h.github.failures.set('listPullFiles', new GitHubError('list files', 'unavailable', 502, 'Bad Gateway'));
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.github.issueComments[0]?.body).toContain('**report-check could not run**');
    expect(h.github.statuses).toEqual([]);
  });

  it('should post nothing when it could not run on a PR without our summary', async () => {
    const h = harness({ settings: { schema: 'nope.json' } });
    await runAction(h.deps);
    expect(writes(h.github)).toEqual([]);
  });

  it('should still fail as "could not run" when telling the PR so fails too', async () => {
    const h = harness({
      settings: { schema: 'nope.json', prNumber: 7 },
      event: { eventName: 'workflow_dispatch', payload: {} },
      github: { readOnly: true },
    });
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.log.notices[0]).toContain('set a commit status');
    expect(h.log.failed).toHaveLength(1);
  });

  it('should fail as "could not run" when the engine throws', async () => {
    const h = harness({
      check: () => {
        throw 'not an Error';
      },
    });
    await runAction(h.deps);
    expect(h.log.failed).toEqual(['report-check could not run: not an Error']);
  });
});

describe('runAction on other events', () => {
  it('should check the pushed commit without posting', async () => {
    const h = harness({
      event: { eventName: 'push', payload: { after: HEAD, repository: { default_branch: 'main' } } },
    });
    await runAction(h.deps);
    expect(h.github.calls).toEqual([`getFile ${PATH}@${HEAD}`, `listRepoFiles ${HEAD}`]);
    expect(h.log.annotations).toHaveLength(3);
    expect(h.log.failed).toHaveLength(1);
  });

  it('should check a merge group head and read the schema from its base branch', async () => {
    const h = harness({
      settings: { schema: '.github/schema.json' },
      event: {
        eventName: 'merge_group',
        payload: { merge_group: { head_sha: HEAD, base_ref: 'refs/heads/main' } },
      },
    });
    await runAction(h.deps);
    expect(h.github.calls).toEqual([
      `getFile ${PATH}@${HEAD}`,
      `listRepoFiles ${HEAD}`,
      'getFile .github/schema.json@main',
    ]);
  });

  it('should report a missing report on a commit as an error finding', async () => {
    const h = harness({ event: { eventName: 'push', payload: { after: 'nothing' } } });
    h.github.trees.nothing = {};
    const outcome = await runAction(h.deps);
    expect(outcome.result?.diagnostics[0]?.ruleId).toBe('report-missing');
  });

  it('should check the dispatched ref when workflow_dispatch has no pr-number', async () => {
    const h = harness({ event: { eventName: 'workflow_dispatch', sha: HEAD, payload: {} } });
    await runAction(h.deps);
    expect(h.github.calls).toEqual([`getFile ${PATH}@${HEAD}`, `listRepoFiles ${HEAD}`]);
  });

  it('should check, post on and set a commit status on the PR given by pr-number', async () => {
    const h = harness({ settings: { prNumber: 7 }, event: { eventName: 'workflow_dispatch', payload: {} } });
    await runAction(h.deps);
    expect(h.github.reviews).toHaveLength(1);
    expect(h.github.statuses).toEqual([
      {
        sha: HEAD,
        state: 'failure',
        context: 'report-check',
        description: '2 errors, 1 warning, 0 notices; course checker: fail',
        targetUrl: 'https://github.com/acme/exam/actions/runs/99',
      },
    ]);
  });

  it('should set a success status when the dispatched PR does not touch the report', async () => {
    const h = harness({
      settings: { prNumber: 7 },
      event: { eventName: 'workflow_dispatch', payload: {} },
      github: { files: [] },
    });
    await runAction(h.deps);
    expect(h.github.statuses[0]).toMatchObject({ sha: HEAD, state: 'success' });
  });
});
