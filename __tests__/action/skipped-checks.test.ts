import { runAction, type ActionDeps, type ActionLog } from '../../src/action.js';
import type { CheckInput } from '../../src/check.js';
import type { RunContext } from '../../src/context.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import type { Engine } from '../../src/engine.js';
import { GitHubError } from '../../src/github/errors.js';
import { parseReport } from '../../src/parse/report.js';
import { renderInlineComment } from '../../src/review/render.js';
import { FILE_LIST_RULES } from '../../src/review/skipped.js';
import { checkImages } from '../../src/rules/image-rules.js';
import { indexFiles, unknownFiles, type FileLookup } from '../../src/validate/images.js';
import { FakeGitHub, type SeedThread } from '../support/fake-github.js';
import { diag, pullContext, result, settings } from '../support/results.js';

const PATH = 'reports/README.md';
const HEAD = 'h'.repeat(40);

const wordCount = diag({ line: 3, fingerprint: 'words' });
const imageMissing = diag({
  ruleId: 'image-missing',
  severity: 'warning',
  line: 5,
  message: 'Question 1 links figures/x.png, but reports/figures/x.png is not in the repository.',
  fingerprint: 'image',
});

/** One open thread of ours holding the inline comment of `d`. */
function threadOf(d: Diagnostic, id: string): SeedThread {
  const body = renderInlineComment(d, d.fingerprint);
  const comment = { author: 'github-actions[bot]', body };
  return { id, path: PATH, isResolved: false, isOutdated: false, comments: [comment], commentCount: 1 };
}

class Log implements ActionLog {
  failed: string[] = [];
  summaries: string[] = [];
  warnings: string[] = [];
  info() {}
  notice() {}
  warning(m: string) {
    this.warnings.push(m);
  }
  annotate() {}
  setOutput() {}
  setFailed(m: string) {
    this.failed.push(m);
  }
  async writeSummary(markdown: string) {
    this.summaries.push(markdown);
  }
}

/** Looks up each of `images` as the image checks do: in the file list, or told it is unknown. */
function lookUp(files: CheckInput['files'], images: string[]): void {
  const lookup = files && !Array.isArray(files) ? (files as FileLookup) : null;
  for (const path of images) lookup?.unknown?.(path);
}

/**
 * A pull request whose earlier run left a word-count thread and an image-missing thread, both now gone; the
 * report links `images` (paths in the repository), which the checks look up.
 */
function setup(found: Diagnostic[], event: Partial<RunContext> = {}, images = ['reports/figures/x.png']) {
  const github = new FakeGitHub({
    pull: { number: 7, headSha: HEAD, baseSha: 'b'.repeat(40), baseRef: 'main', state: 'OPEN' },
    files: [
      { path: PATH, status: 'modified', previousPath: null, patch: '@@ -1,8 +1,10 @@\n context\n+added' },
    ],
    trees: { [HEAD]: { [PATH]: '# report' } },
    threads: [threadOf(wordCount, 'T-words'), threadOf(imageMissing, 'T-image')],
  });
  const log = new Log();
  const checked: CheckInput[] = [];
  const engine: Engine = {
    checkReport: (input) => (checked.push(input), lookUp(input.files, images), result(found)),
    loadConstraints: () => {
      throw new Error('no schema here');
    },
  };
  const context = pullContext(HEAD, event);
  const deps: ActionDeps = { github, log, settings: settings({ failOn: 'warning' }), context, engine };
  return { deps, github, log, checked };
}

const resolved = (github: FakeGitHub) => github.threads.filter((t) => t.isResolved).map((t) => t.id);

describe('a run whose repository file list cannot be had', () => {
  const failures: [string, (github: FakeGitHub) => void][] = [
    [
      'fails (502)',
      (g) => g.failures.set('listRepoFiles', new GitHubError('list', 'unavailable', 502, 'Bad Gateway')),
    ],
    [
      'is malformed',
      (g) => g.failures.set('listRepoFiles', new GitHubError('list', 'malformed', 200, 'an empty answer')),
    ],
    ['is truncated', (g) => (g.listRepoFiles = async () => null)],
  ];

  it.each(failures)(
    'should fail as "could not run", even with no finding, when the listing %s',
    async (_, fault) => {
      const h = setup([]);
      fault(h.github);
      const outcome = await runAction(h.deps);
      expect(outcome.status).toBe('could-not-run');
      expect(h.log.failed).toHaveLength(1);
      expect(h.log.failed[0]).toMatch(/^report-check could not run: checks skipped \(image-missing, /);
    },
  );

  it.each(failures)(
    'should name the skipped checks in the summary comment and the job summary when it %s',
    async (_, fault) => {
      const h = setup([wordCount]);
      fault(h.github);
      await runAction(h.deps);
      const comment = h.github.issueComments[0]?.body ?? '';
      expect(comment).toContain('could not run every check');
      expect(comment).toContain('`image-missing`');
      expect(comment).toContain('Question 1 has 10 words');
      expect(h.log.summaries.join('\n')).toContain('could not run every check');
    },
  );

  it.each(failures)(
    "should leave the skipped checks' threads open, and resolve the others, when it %s",
    async (_, fault) => {
      const h = setup([]);
      fault(h.github);
      await runAction(h.deps);
      expect(resolved(h.github)).toEqual(['T-words']);
    },
  );

  it.each(failures)(
    'should end on the findings, skipping nothing, when it %s but the report links no image in the repository',
    async (_, fault) => {
      const h = setup([wordCount], {}, []);
      fault(h.github);
      const outcome = await runAction(h.deps);
      expect(outcome.status).toBe('failed');
      expect(h.log.failed).toHaveLength(1);
      expect(h.log.failed[0]).not.toContain('could not run');
      const comment = h.github.issueComments[0]?.body ?? '';
      expect(comment).not.toContain('could not run every check');
      expect(comment).toContain('Question 1 has 10 words');
    },
  );

  it('should resolve the image thread as usual when the listing works and the image is there now', async () => {
    const h = setup([]);
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('passed');
    expect(resolved(h.github).sort()).toEqual(['T-image', 'T-words']);
    expect(h.github.issueComments[0]?.body).not.toContain('could not run');
  });

  it('should say nothing is skipped when the report itself could not be read (nothing was checked)', async () => {
    const h = setup([diag({ ruleId: 'report-binary', line: 1, question: null, fingerprint: 'bin' })]);
    h.github.failures.set('listRepoFiles', new GitHubError('list', 'unavailable', 502, 'Bad Gateway'));
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('failed');
    expect(h.log.failed[0]).not.toContain('could not run');
  });

  it('should fail a push run as "could not run" too, with the note in the job summary', async () => {
    const h = setup([], { eventName: 'push', ref: 'refs/heads/feature', sha: HEAD, payload: {} });
    h.github.failures.set('listRepoFiles', new GitHubError('list', 'unavailable', 502, 'Bad Gateway'));
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.log.summaries.join('\n')).toContain('could not run every check');
  });
});

describe('FILE_LIST_RULES', () => {
  it('should be exactly the image rules that find nothing without the file list', () => {
    const answer = [
      '![missing](figures/none.png)',
      '![case](figures/Bucket.PNG)',
      '![outside](../docs/a.png)',
      '![untracked](figures/new.png)',
      '![format](figures/b.svg)',
      '![remote](https://example.com/a.png)',
    ].join('\n\n');
    const section = parseReport(`### Question 14\n> Answer:\n\n${answer}\n`).questions[0]!;
    const lookup: FileLookup = {
      ...indexFiles(['reports/figures/bucket.png', 'docs/a.png', 'reports/figures/b.svg']),
      uncommitted: (p) => (p === 'reports/figures/new.png' ? { kind: 'untracked' } : undefined),
    };
    const rules = (files: FileLookup | null) =>
      new Set(checkImages(section, PATH, files).map((d) => d.ruleId));
    const withList = rules(lookup);
    const without = rules(null);
    expect([...withList].filter((r) => !without.has(r)).sort()).toEqual([...FILE_LIST_RULES].sort());
    expect(FILE_LIST_RULES.filter((r) => without.has(r))).toEqual([]);
    const unknown = unknownFiles();
    expect(FILE_LIST_RULES.filter((r) => rules(unknown).has(r))).toEqual([]);
    // Every path in the repository an image check needed, and nothing else (not the URL).
    expect([...unknown.needed].sort()).toEqual([
      'docs/a.png',
      'reports/figures/Bucket.PNG',
      'reports/figures/b.svg',
      'reports/figures/new.png',
      'reports/figures/none.png',
    ]);
  });

  it('should need nothing from the file list for a report whose images are all URLs', () => {
    const section = parseReport('### Question 14\n> Answer:\n\n![remote](https://example.com/a.png)\n')
      .questions[0]!;
    const unknown = unknownFiles();
    expect(checkImages(section, PATH, unknown)).toEqual(checkImages(section, PATH, null));
    expect(unknown.needed.size).toBe(0);
  });
});

describe('a pull request file list that comes back empty', () => {
  const counted = (changedFiles: number, { headSha = HEAD, baseSha = 'b'.repeat(40) } = {}) =>
    pullContext(HEAD, {
      payload: {
        pull_request: {
          number: 7,
          head: { sha: headSha },
          base: { ref: 'main', sha: baseSha },
          changed_files: changedFiles,
        },
      },
    });

  it('should fail as "could not run", resolving nothing, when the event counts changed files at that head', async () => {
    const h = setup([], counted(2));
    h.github.files = [];
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(h.log.failed[0]).toMatch(/^report-check could not run: .*list the files of pull request #7/);
    expect(resolved(h.github)).toEqual([]);
  });

  it("should ask GitHub's count once the head or the base is not the event's, and fail when it counts files", async () => {
    for (const moved of [{ baseSha: 'c'.repeat(40) }, { headSha: 'd'.repeat(40) }]) {
      const h = setup([], counted(2, moved));
      h.github.files = [];
      h.github.changedFiles = 3;
      const outcome = await runAction(h.deps);
      expect(outcome.status).toBe('could-not-run');
      expect(h.log.failed[0]).toMatch(/no files, while GitHub counts 3 changed at h{40}/);
      expect(resolved(h.github)).toEqual([]);
    }
  });

  it("should take an empty list as GitHub's answer when GitHub counts no changed files either", async () => {
    for (const moved of [{ baseSha: 'c'.repeat(40) }, { headSha: 'd'.repeat(40) }]) {
      const h = setup([], counted(2, moved));
      h.github.files = [];
      const outcome = await runAction(h.deps);
      expect(outcome.status).toBe('skipped');
      expect(h.github.calls).toContain('countChangedFiles #7');
      expect(h.log.failed).toEqual([]);
    }
  });

  it('should never read an empty list as "not changed" on a dispatched run while GitHub counts files', async () => {
    const dispatched = (h: ReturnType<typeof setup>) => {
      h.deps.context = { ...h.deps.context, eventName: 'workflow_dispatch', payload: {} };
      h.deps.settings = { ...h.deps.settings, prNumber: 7 };
      h.github.files = [];
    };
    const broken = setup([]);
    dispatched(broken);
    broken.github.changedFiles = 1;
    const outcome = await runAction(broken.deps);
    expect(outcome.status).toBe('could-not-run');
    expect(resolved(broken.github)).toEqual([]);
    expect(broken.github.statuses.map((s) => s.state)).toEqual(['error']);

    const empty = setup([]);
    dispatched(empty);
    expect((await runAction(empty.deps)).status).toBe('skipped');
    expect(empty.github.statuses.map((s) => s.state)).toEqual(['success']);
  });

  it('should fail as "could not run" when the count cannot be had, or is at another head', async () => {
    const failing = setup([], counted(2, { headSha: 'd'.repeat(40) }));
    failing.github.files = [];
    failing.github.failures.set(
      'countChangedFiles',
      new GitHubError('count the files of pull request #7', 'unavailable', 502, 'Bad Gateway'),
    );
    expect((await runAction(failing.deps)).status).toBe('could-not-run');
    expect(resolved(failing.github)).toEqual([]);

    const moved = setup([], counted(2, { headSha: 'd'.repeat(40) }));
    moved.github.files = [];
    moved.github.countChangedFiles = async () => ({ headSha: 'e'.repeat(40), changedFiles: 0 });
    expect((await runAction(moved.deps)).status).toBe('could-not-run');
    expect(moved.log.failed[0]).toMatch(/moved on to e{40} while its files were read at h{40}/);
    expect(resolved(moved.github)).toEqual([]);
  });

  it('should ask for the count when the event does not give one, even at its commits', async () => {
    const h = setup([], pullContext(HEAD));
    h.github.files = [];
    h.github.changedFiles = 2;
    expect((await runAction(h.deps)).status).toBe('could-not-run');
    expect(h.github.calls).toContain('countChangedFiles #7');
  });

  it('should not ask for the count when the list has files or the event counted them at its commits', async () => {
    const listed = setup([], counted(1));
    await runAction(listed.deps);
    const broken = setup([], counted(2));
    broken.github.files = [];
    await runAction(broken.deps);
    expect([...listed.github.calls, ...broken.github.calls].filter((c) => c.startsWith('count'))).toEqual([]);
  });

  it('should read an empty list as "not changed" when the event counts no changed files', async () => {
    const h = setup([], counted(0));
    h.github.files = [];
    const outcome = await runAction(h.deps);
    expect(outcome.status).toBe('skipped');
  });
});
