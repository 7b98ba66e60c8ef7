// The CLI over the real engine and the real file system, on a report built from the blank 2026 template.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport } from '../../src/check.js';
import { nodeFileSystem } from '../../src/cli/node-file-system.js';
import { nodeGit } from '../../src/cli/node-git.js';
import { runCli } from '../../src/cli/run.js';
import { loadConstraints } from '../../src/validate/custom-schema.js';

const here = dirname(fileURLToPath(import.meta.url));
const template = readFileSync(join(here, '../fixtures/cli/template-2026.md'), 'utf8');

/** Words and images each 2026 question needs (COURSE-CHECKER.md); questions 1-2 have no range. */
const NEEDS: Record<number, { words: number; images: number }> = {
  1: { words: 3, images: 0 },
  2: { words: 3, images: 0 },
  7: { words: 60, images: 0 },
  11: { words: 250, images: 0 },
  12: { words: 60, images: 0 },
  14: { words: 250, images: 1 },
  17: { words: 60, images: 0 },
  19: { words: 0, images: 1 },
  20: { words: 0, images: 1 },
  21: { words: 0, images: 1 },
  29: { words: 250, images: 1 },
  30: { words: 250, images: 0 },
  31: { words: 60, images: 0 },
};

function answer(question: number, words?: number): string {
  const need = NEEDS[question] ?? { words: 120, images: 0 };
  const text = Array.from({ length: words ?? need.words }, (_, i) => `word${i}`).join(' ');
  const images = Array.from({ length: need.images }, () => '![diagram](figures/diagram.png)').join('\n\n');
  return [text, images].filter(Boolean).join('\n\n');
}

/** The template with every question answered within range; `overrides` gives some questions other word counts. */
function filledReport(overrides: Record<number, number> = {}): string {
  return template.replace(/^--- question (\d+) fill here ---$/gm, (_, n: string) =>
    answer(Number(n), overrides[Number(n)]),
  );
}

describe('report-check end to end', () => {
  let repo: string;

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'report-check-e2e-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'reports/figures'), { recursive: true });
    writeFileSync(join(repo, 'reports/figures/diagram.png'), 'png');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      fs: nodeFileSystem,
      engine: { checkReport, loadConstraints },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTTY: false,
      env: {},
      cwd: repo,
      version: '0.0.0-test',
    });
    return { code, stdout, stderr };
  }

  function writeReport(text: string | Uint8Array, path = 'reports/README.md'): void {
    writeFileSync(join(repo, path), text);
  }

  it('should find an image anywhere in the repository, and report one outside the report folder, missing or differing in case', async () => {
    mkdirSync(join(repo, 'docs'));
    writeFileSync(join(repo, 'docs/architecture.png'), 'png');
    // Linked from reports/, the file lies outside the report's folder.
    writeReport(filledReport().replace('figures/diagram.png', '../docs/architecture.png'));
    const found = await run(['--format', 'json', 'reports/README.md']);
    const diagnostics = JSON.parse(found.stdout).files[0].diagnostics;
    // Found, so not missing; but the course's hand-in collects reports/ only.
    expect(diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['image-outside-report-folder']);
    writeReport(
      filledReport()
        .replace('figures/diagram.png', '../docs/Architecture.png')
        .replace('figures/diagram.png', 'figures/none.png'),
    );
    const broken = await run(['reports/README.md']);
    expect(broken.stdout).toContain('but the file is docs/architecture.png: the case differs');
    expect(broken.stdout).toContain('but reports/figures/none.png is not in the repository');
  });

  it('should pass a fully answered report with exit 0', async () => {
    writeReport(filledReport());
    const result = await run([]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^reports\/README\.md: .*; edition 2026 \(detected\); course checker: pass\n$/m,
    );
    expect(result.code).toBe(0);
  });

  it('should point at a short answer with path:line:col and exit 1', async () => {
    writeReport(filledReport({ 14: 150 }));
    const result = await run(['reports/README.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^reports\/README\.md:\d+:\d+ error Question 14 .*\[[a-z-]+\]$/m);
    expect(result.stdout).toContain('course checker: fail on 14 (words -49)');
  });

  it('should print the JSON contract with the course checker verdict', async () => {
    writeReport(filledReport({ 14: 150 }));
    const doc = JSON.parse((await run(['--format', 'json'])).stdout);
    expect(doc.files[0]).toMatchObject({ path: 'reports/README.md', edition: '2026' });
    expect(doc.files[0].courseChecker).toMatchObject({
      outcome: 'fail',
      failures: [{ question: 14, kind: 'words' }],
    });
    expect(doc.files[0].questions.find((q: { number: number }) => q.number === 14)).toMatchObject({
      words: 151, // the course checker counts the image's markdown as a word too
      images: 1,
      answered: true,
    });
    expect(doc.files[0].diagnostics.some((d: { question: number }) => d.question === 14)).toBe(true);
  });

  it('should find an image that is not in the repository, failing only with --fail-on warning', async () => {
    writeReport(filledReport().replace('![diagram](figures/diagram.png)', '![diagram](figures/missing.png)'));
    const result = await run([]);
    expect(result.stdout).toMatch(/^reports\/README\.md:\d+:\d+ warning .*missing\.png/m);
    expect(result.code).toBe(0);
    expect((await run(['--fail-on', 'warning'])).code).toBe(1);
  });

  it('should predict the course checker crash when an Answer: line is missing', async () => {
    writeReport(filledReport().replace(/(### Question 3\n[\s\S]*?)> Answer:\n/, '$1'));
    const doc = JSON.parse((await run(['--format', 'json'])).stdout);
    expect(doc.files[0].courseChecker.outcome).toBe('crash');
    expect(doc.files[0].diagnostics.some((d: { severity: string }) => d.severity === 'error')).toBe(true);
  });

  it('should refuse a binary file and an invalid schema with one line and exit 2', async () => {
    writeReport(new Uint8Array([35, 32, 0, 1, 2]));
    const binary = await run([]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/^report-check: reports\/README\.md: [^\n]+\n$/);
    writeReport(filledReport());
    writeFileSync(join(repo, 'schema.json'), '{"properties": ');
    const schema = await run(['--schema', 'schema.json']);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toMatch(/^report-check: schema\.json: invalid JSON[^\n]*\n$/);
  });

  it('should name a file that is not a report by the path typed, outside a git work tree too', async () => {
    rmSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'notes'));
    writeFileSync(join(repo, 'notes/empty.md'), '');
    const { code, stdout } = await run(['notes/empty.md']);
    expect(code).toBe(1);
    // The engine sees the path from the assumed root (the folder above notes/): it must not leak into the message.
    expect(stdout).toMatch(/^notes\/empty\.md:1:1 error Not a DTU 02476 exam report: /m);
    expect(stdout).not.toMatch(/\w+\/notes\/empty\.md|is not a DTU/);
  });

  it('should render the report to an HTML file', async () => {
    writeReport(filledReport());
    expect((await run(['html', 'reports/README.md', '-o', 'report.html'])).code).toBe(0);
    const page = readFileSync(join(repo, 'report.html'), 'utf8');
    expect(page).toContain('<h3>Question 14</h3>');
    expect(page).toContain('<img src="figures/diagram.png" alt="diagram">');
  });
});

describe('report-check in a git work tree (what the pull request will have)', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'report-check-git-e2e-'));
    mkdirSync(join(repo, 'reports/figures'), { recursive: true });
    writeFileSync(join(repo, 'reports/README.md'), filledReport());
    writeFileSync(join(repo, 'reports/figures/diagram.png'), 'png');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  async function check(
    argv = ['reports/README.md'],
    env: Record<string, string> = {},
  ): Promise<{ code: number; lines: string[]; output: string }> {
    let stdout = '';
    const code = await runCli(argv, {
      fs: nodeFileSystem,
      git: nodeGit,
      engine: { checkReport, loadConstraints },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stdout += text),
      isTTY: false,
      env,
      cwd: repo,
      version: '0.0.0-test',
    });
    return { code, lines: stdout.split('\n').filter((line) => line.includes('diagram.png')), output: stdout };
  }

  it('should, as a pre-commit hook, stay silent on a commit that stages nothing under reports/, and check a deletion', async () => {
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'report');
    // As `git commit` runs its hooks: GIT_INDEX_FILE names the index being committed.
    const hook = (argv: string[]) =>
      check(['--pre-commit', ...argv], { GIT_INDEX_FILE: join(repo, '.git/index') });
    writeFileSync(join(repo, 'main.py'), 'print(1)\n');
    git('add', 'main.py');
    // Nothing under reports/ is staged, and the report is not even read.
    expect(await hook(['reports/README.md'])).toEqual({ code: 0, lines: [], output: '' });
    git('rm', '-q', 'reports/figures/diagram.png');
    const deleted = await hook(['reports/README.md']);
    expect(deleted.lines[0]).toMatch(
      /warning Question \d+ links figures\/diagram\.png, but .* \[image-missing\]$/,
    );
    // Outside a commit (pre-commit run --all-files, CI) it always checks.
    git('reset', '-q', '--hard');
    expect((await check(['--pre-commit', 'reports/README.md'])).output).toMatch(/reports\/README\.md/);
  });

  it('should warn about a figure that is on disk but not added, until it is staged', async () => {
    git('init', '-q');
    const untracked = await check();
    expect(untracked.code).toBe(0);
    expect(untracked.lines.length).toBeGreaterThan(0);
    expect(untracked.lines[0]).toMatch(
      /^reports\/README\.md:\d+:\d+ warning Question \d+ links figures\/diagram\.png; reports\/figures\/diagram\.png is on your disk but not added to git, .*; run git add reports\/figures\/diagram\.png\. \[image-untracked\]$/,
    );
    git('add', 'reports/figures/diagram.png');
    expect((await check()).lines).toEqual([]);
  });

  it('should say which ignore rule excludes a figure', async () => {
    git('init', '-q');
    writeFileSync(join(repo, '.gitignore'), '# screenshots are big\n*.png\n');
    const { lines } = await check();
    expect(lines[0]).toContain(
      'but .gitignore (line 2: *.png) excludes reports/figures/diagram.png from git, so the pull request and the hand-in will not have it; remove that pattern, or run git add -f reports/figures/diagram.png. [image-untracked]',
    );
  });

  it('should read the file system outside a git work tree', async () => {
    expect(await check()).toMatchObject({ code: 0, lines: [] });
  });
});
