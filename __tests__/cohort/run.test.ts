import { checkReport } from '../../src/check.js';
import type { CliDeps } from '../../src/cli/run.js';
import type { CohortDocument } from '../../src/cohort/summary.js';
import { runCohort, type CohortEnvironment } from '../../src/cohort/run.js';
import { createRepositoryReader } from '../../src/github/repository-reader.js';
import { memoryFileSystem } from '../cli/memory-file-system.js';
import { startFakeGitHub, type FakeGitHub, type FakeRepository } from '../support/fake-github-rest.js';
import { makePassingReport, makeReport, passingReportWith, words } from '../support/report.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

async function run(
  argv: string[],
  options: {
    files?: Record<string, string | Uint8Array>;
    env?: Record<string, string>;
    baseUrl?: string;
  } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const fs = memoryFileSystem(options.files ?? {});
  const deps: CliDeps = {
    fs,
    engine: { checkReport, loadConstraints: () => Promise.reject(new Error('no schema in cohort')) },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env: { ...(options.baseUrl ? { GITHUB_API_URL: options.baseUrl } : {}), ...options.env },
    cwd: '/work',
    version: '0.0.0',
  };
  const env: CohortEnvironment = {
    // Retry waits scaled down: a retry-after of 1 s waits 5 ms here.
    createReader: (readerOptions) => createRepositoryReader({ ...readerOptions, retryBaseMs: 5 }),
    progress: () => ({ tick: () => undefined, stop: () => undefined }),
    columns: undefined,
  };
  const code = await runCohort(argv, deps, env);
  return { code, stdout, stderr, written: fs.written };
}

const IMAGE_FILES = { 'reports/figures/shot.png': 'png' };

/**
 * 200 repositories, ten kinds in turn: 404, a 5xx then success, a secondary rate limit then success, no report,
 * a 2023 report (the newest checker crashes on it), a 2026 report k words short on Q4, a passing 2026 report, a
 * server that keeps failing, a report too large, and a 2026 report long on Q7 and without the Q19 image.
 */
function cohortOf200(): {
  repositories: FakeRepository[];
  expected: (i: number) => Partial<Record<string, unknown>>;
} {
  const repositories: FakeRepository[] = [];
  for (let i = 0; i < 200; i++) {
    const name = `group-${String(i).padStart(3, '0')}`;
    const kind = i % 10;
    const base: FakeRepository = { owner: 'course', repo: name, files: {} };
    const short = (i % 7) + 1;
    if (kind === 0) base.fault = 'not-found';
    if (kind === 1) base.fault = 'server-error-once';
    if (kind === 2) base.fault = 'secondary-rate-limit-once';
    if (kind === 7) base.fault = 'server-error-always';
    if (kind === 1 || kind === 2 || kind === 6)
      base.files = { 'reports/README.md': makePassingReport('2026'), ...IMAGE_FILES };
    if (kind === 3) base.files = { 'README.md': '# no report here\n' };
    if (kind === 4) base.files = { 'reports/README.md': makePassingReport('2023'), ...IMAGE_FILES };
    if (kind === 5)
      base.files = { 'reports/README.md': passingReportWith({ 4: words(100 - short) }), ...IMAGE_FILES };
    if (kind === 8) {
      base.files = { 'reports/README.md': '# big\n' };
      base.sizes = { 'reports/README.md': 3 * 1024 * 1024 };
    }
    if (kind === 9)
      base.files = {
        'reports/README.md': passingReportWith({ 7: words(130), 19: 'no image' }),
        ...IMAGE_FILES,
      };
    repositories.push(base);
  }
  const expected = (i: number) => {
    const kind = i % 10;
    const short = (i % 7) + 1;
    switch (kind) {
      case 0:
        return { error: 'repository not found, or private (set GITHUB_TOKEN to read private repositories)' };
      case 3:
        return { error: 'no reports/README.md at main' };
      case 7:
        return { errorStart: 'GitHub did not answer: read the repository (503' };
      case 8:
        return { error: 'reports/README.md is too large (3.0 MiB; the limit is 1 MiB)' };
      case 4:
        return {
          // The text has neither edition's own wording: its template lines are the 2023 and 2024 ones alike.
          edition: '2023/2024',
          outcome: 'pass',
          numWarnings: 0,
          note: 'crashes: recorded as 0',
          failing: {},
        };
      case 5:
        return {
          edition: '2025',
          outcome: 'fail',
          numWarnings: 1,
          note: null,
          failing: { 4: ['short', -short, 0] },
        };
      case 9:
        return {
          edition: '2025',
          outcome: 'fail',
          numWarnings: 2,
          note: null,
          failing: { 7: ['long', 30, 0], 19: ['short', 0, -1] },
        };
      default:
        return { edition: '2025', outcome: 'pass', numWarnings: 0, note: null, failing: {} };
    }
  };
  return { repositories, expected };
}

describe('report-check cohort against a fake GitHub', () => {
  let fake: FakeGitHub;
  const { repositories, expected } = cohortOf200();

  beforeAll(async () => {
    fake = await startFakeGitHub(repositories, { latencyMs: 20 });
  });
  afterAll(() => fake.close());

  it('should give each of 200 repositories its row, through 404s, 5xx, and a secondary rate limit', async () => {
    const list = repositories.map((r) => `${r.owner}/${r.repo}`).join('\n');
    const result = await run(['--format', 'json', 'groups.txt'], {
      files: { '/work/groups.txt': `# cohort\n${list}\n` },
      baseUrl: fake.baseUrl,
    });
    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout) as CohortDocument;
    expect(document.groups).toHaveLength(200);
    for (const [i, group] of document.groups.entries()) {
      const want = expected(i);
      expect(group.source).toBe(`course/group-${String(i).padStart(3, '0')}`);
      if ('error' in want) {
        expect({ i, error: group.error, checker: group.courseChecker, questions: group.questions }).toEqual({
          i,
          error: want.error,
          checker: null,
          questions: null,
        });
        continue;
      }
      if ('errorStart' in want) {
        expect(group.error?.startsWith(want.errorStart as string)).toBe(true);
        expect(group.scraper).toBeNull();
        continue;
      }
      expect({
        i,
        error: group.error,
        edition: group.edition,
        outcome: group.courseChecker?.outcome,
        numWarnings: group.scraper?.numWarnings,
        note: group.scraper?.note,
        ref: group.ref,
        link: group.link,
      }).toEqual({
        i,
        error: null,
        edition: want.edition,
        outcome: want.outcome,
        numWarnings: want.numWarnings,
        note: want.note,
        ref: 'main',
        link: `https://github.com/course/${group.source.split('/')[1]}/blob/main/reports/README.md`,
      });
      const failing = Object.fromEntries(
        (group.questions ?? [])
          .filter((q) => q.status !== 'ok')
          .map((q) => [q.number, [q.status, q.wordsBy, q.imagesBy]]),
      );
      expect({ i, failing }).toEqual({ i, failing: want.failing });
    }
    expect(document.cohort).toMatchObject({
      groups: 200,
      unreadable: 80,
      courseChecker: { pass: 80, fail: 40, crash: 0 },
      scraper: { checkerEdition: '2026', crashRecordedAsZero: 20 },
    });
    expect(document.cohort.questions.find((q) => q.number === 4)).toEqual({
      number: 4,
      failing: 20,
      unanswered: 0,
    });
    expect(document.files).toHaveLength(120);
    expect(document.errors).toHaveLength(80);
    // The faults really happened and were retried.
    const statuses = fake.log.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(20);
    expect(statuses.filter((s) => s === 502)).toHaveLength(20);
    expect(result.stderr).toContain('secondary rate limit');
    expect(result.stderr).toContain(
      'no GITHUB_TOKEN or GH_TOKEN: reading 200 public repositories without a token',
    );
  }, 60_000);

  it('should send the token and read a private repository with it', async () => {
    const privateFake = await startFakeGitHub([
      {
        owner: 'o',
        repo: 'secret',
        private: true,
        files: { 'reports/README.md': makePassingReport('2026'), ...IMAGE_FILES },
      },
    ]);
    try {
      const without = await run(['--format', 'json', 'o/secret'], { baseUrl: privateFake.baseUrl });
      expect((JSON.parse(without.stdout) as CohortDocument).groups[0]?.error).toMatch(/private/);
      const withToken = await run(['--format', 'json', 'https://github.com/o/secret.git'], {
        baseUrl: privateFake.baseUrl,
        env: { GH_TOKEN: 'secret-token' },
      });
      expect(withToken.code).toBe(0);
      expect(withToken.stderr).toBe('');
      const group = (JSON.parse(withToken.stdout) as CohortDocument).groups[0];
      expect(group?.courseChecker?.outcome).toBe('pass');
      expect(privateFake.log.requests.at(-1)?.authorized).toBe(true);
    } finally {
      await privateFake.close();
    }
  });

  it('should say which groups had no image check when GitHub would not list their files, and exit 2', async () => {
    // The figures are committed, but the tree is refused: "every figure missing" would be false, and a run with
    // checks that did not run is not a clean one.
    const treeFake = await startFakeGitHub([
      {
        owner: 'o',
        repo: 'r',
        fault: 'tree-not-found',
        files: { 'reports/README.md': makePassingReport('2026'), ...IMAGE_FILES },
      },
    ]);
    try {
      const options = { baseUrl: treeFake.baseUrl, env: { GITHUB_TOKEN: 't' } };
      const json = await run(['--format', 'json', 'o/r'], options);
      const group = (JSON.parse(json.stdout) as CohortDocument).groups[0];
      expect([group?.summary?.warnings, group?.unchecked]).toEqual([
        0,
        'GitHub would not list the files at main (404)',
      ]);
      expect(json.code).toBe(2);
      const text = await run(['o/r'], options);
      expect(text.stdout).toContain(
        'o/r: image checks not run: GitHub would not list the files at main (404)',
      );
      expect(text.stdout).toContain('image checks could not run for 1 group');
      const csv = (await run(['--format', 'csv', 'o/r'], options)).stdout.split('\n');
      expect(csv[0]).toMatch(/,not checked,error$/);
      expect(csv[1]).toMatch(/,GitHub would not list the files at main \(404\),$/);
    } finally {
      await treeFake.close();
    }
  });

  it('should read a given --ref and the report at --path', async () => {
    const refFake = await startFakeGitHub([
      { owner: 'o', repo: 'r', files: { 'docs/report.md': makePassingReport('2026') } },
    ]);
    try {
      const result = await run(['--format', 'json', '--ref', 'v1.0', '--path', 'docs/report.md', 'o/r'], {
        baseUrl: refFake.baseUrl,
        env: { GITHUB_TOKEN: 't' },
      });
      const group = (JSON.parse(result.stdout) as CohortDocument).groups[0];
      expect(group?.ref).toBe('v1.0');
      expect(group?.link).toBe('https://github.com/o/r/blob/v1.0/docs/report.md');
      // With a ref given there is no need to ask for the default branch.
      expect(refFake.log.requests.some((r) => r.url === '/repos/o/r')).toBe(false);
      const missing = await run(['--format', 'json', '--ref', 'v1.0', 'gone/repo'], {
        baseUrl: refFake.baseUrl,
        env: { GITHUB_TOKEN: 't' },
      });
      expect((JSON.parse(missing.stdout) as CohortDocument).groups[0]?.error).toBe(
        'repository not found, or the token may not read it',
      );
    } finally {
      await refFake.close();
    }
  });

  it('should read a CSV group list and give a group without a repository its row', async () => {
    const csvFake = await startFakeGitHub([
      { owner: 'o', repo: 'a', files: { 'reports/README.md': makePassingReport('2026') } },
    ]);
    try {
      const csv = 'Group,Members,Repository\n1,"Ann, Bo",https://github.com/o/a\n2,Cy,\n';
      const result = await run(['--format', 'csv', 'groups.csv'], {
        files: { '/work/groups.csv': csv },
        baseUrl: csvFake.baseUrl,
        env: { GITHUB_TOKEN: 't' },
      });
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(
        /^o\/a,https:\/\/github\.com\/o\/a\/blob\/main\/reports\/README\.md,main,2025,pass,0,0,2026,,/,
      );
      expect(lines[2]).toMatch(/^groups\.csv:3,.*,no repository URL in this row$/);
    } finally {
      await csvFake.close();
    }
  });
});

describe('report-check cohort on folders', () => {
  const files = {
    '/work/clones/g1/.git/HEAD': 'ref',
    '/work/clones/g1/reports/README.md': makePassingReport('2026'),
    '/work/clones/g1/reports/figures/shot.png': 'png',
    '/work/clones/g2/reports/README.md': passingReportWith({ 4: words(90) }),
    '/work/single/reports/README.md': makeReport('2024'),
    '/work/bin.md': new Uint8Array([35, 0, 1]),
    '/work/site/.keep': '',
  };

  it('should find reports/README.md in a folder of clones and in a clone', async () => {
    // g3 handed in its README at the top, not as reports/README.md: a group still, with the reason.
    const result = await run(['--format', 'json', 'clones', 'single', 'bin.md', 'nothing-here'], {
      files: { ...files, '/work/clones/g3/README.md': 'no reports folder' },
    });
    const document = JSON.parse(result.stdout) as CohortDocument;
    expect(document.groups.map((g) => [g.source, g.courseChecker?.outcome ?? g.error])).toEqual([
      ['clones/g1/reports/README.md', 'pass'],
      ['clones/g2/reports/README.md', 'fail'],
      ['clones/g3', 'no reports/README.md in this folder'],
      ['single/reports/README.md', 'fail'],
      ['bin.md', 'binary file (NUL byte at offset 1), not a markdown report'],
      ['nothing-here', 'no such file or folder, and not owner/name of a repository'],
    ]);
    expect(document.groups[0]?.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
  });

  it('should print a text table with a row per group and totals', async () => {
    const result = await run(['clones'], { files });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^group\s+ed\.\s+checker\s+scraper\s+E\s+W\s+N\s+ans\.\s+Q1\s+Q2/);
    expect(lines[1]).toMatch(/^clones\/g1\/reports\/README\.md\s+2025\s+pass\s+0\s/);
    expect(lines[2]).toMatch(/^clones\/g2\/reports\/README\.md\s+2025\s+fail 1\s+1\s+1\s/);
    expect(lines[2]).toContain('-10w');
    expect(result.stdout).toContain('2 groups: course checker 1 pass, 1 fail, 0 crash');
  });

  it('should write an HTML page with -o and link each report relative to it', async () => {
    const result = await run(['--format', 'html', '-o', 'site/cohort.html', 'clones'], { files });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const page = result.written.get('/work/site/cohort.html') ?? '';
    expect(page).toContain('<a href="../clones/g1/reports/README.md">clones/g1/reports/README.md</a>');
  });

  it('should show what changed since a previous run', async () => {
    const first = await run(['--format', 'json', 'clones'], { files });
    const fixedFiles = {
      ...files,
      '/work/clones/g2/reports/README.md': makePassingReport('2026'),
      '/work/prev.json': first.stdout,
    };
    fixedFiles['/work/clones/g1/reports/README.md'] = passingReportWith({ 11: words(10) });
    const second = await run(['--format', 'json', '--compare', 'prev.json', 'clones'], { files: fixedFiles });
    const document = JSON.parse(second.stdout) as CohortDocument;
    expect(
      document.groups.map((g) => [
        g.source,
        g.change?.status,
        g.change?.questionsNewlyFailing,
        g.change?.questionsFixed,
      ]),
    ).toEqual([
      ['clones/g1/reports/README.md', 'newly failing', [11], []],
      ['clones/g2/reports/README.md', 'fixed', [], [4]],
    ]);
    expect(document.cohort.changes).toEqual({ 'newly failing': 1, fixed: 1 });
    const text = await run(['--compare', 'prev.json', 'clones'], { files: fixedFiles });
    expect(text.stdout).toContain('newly failing (+Q11)');
    expect(text.stdout).toContain('since the previous run: 1 newly failing, 1 fixed');
  });

  it('should refuse a --compare file that is not a cohort document, saying what is wrong', async () => {
    await expect(
      run(['--compare', 'prev.json', 'clones'], { files: { ...files, '/work/prev.json': '{"files": []}' } }),
    ).rejects.toThrow(
      '--compare prev.json: no "groups" list: compare with the output of `report-check cohort --format json`',
    );
    await expect(run(['--compare', 'nope.json', 'clones'], { files })).rejects.toThrow(
      '--compare nope.json: no such file',
    );
  });

  it('should refuse bad options before reading anything', async () => {
    await expect(run([], { files })).rejects.toThrow('cohort needs at least one SOURCE');
    await expect(run(['--concurrency', '0', 'clones'], { files })).rejects.toThrow(
      '--concurrency must be a whole number from 1 to 64; got "0"',
    );
    await expect(run(['--path', '../x', 'clones'], { files })).rejects.toThrow(
      '--path must be a path inside',
    );
    await expect(run(['--format', 'xml', 'clones'], { files })).rejects.toThrow(/format/);
    await expect(run(['-o', '/nowhere/cohort.csv', 'clones'], { files })).rejects.toThrow(
      '-o /nowhere/cohort.csv: there is no folder /nowhere to write it in',
    );
    await expect(run(['-o', 'clones', 'clones'], { files })).rejects.toThrow('-o clones: is a folder');
    // A clone on disk is read as it is checked out, whatever --ref says.
    await expect(run(['--ref', 'hand-in', 'clones'], { files })).rejects.toThrow(
      '--ref reads GitHub repositories at hand-in, but clones/g1/reports/README.md is read from disk as it is checked out',
    );
  });

  it('should print its usage with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: report-check cohort \[options\] SOURCE\.\.\./);
  });
});
