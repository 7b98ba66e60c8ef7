// The markdownlint custom rule through markdownlint's own API (`lint`, `applyFixes`), against the CLI run in
// process on the same files: the same findings on the same lines, and the same text after fixing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyFixes, type Configuration, type LintError } from 'markdownlint';
import { frontMatterRe } from 'markdownlint/helpers';
import { lint } from 'markdownlint/sync';
import { checkReport } from '../../src/check.js';
import { nodeFileSystem } from '../../src/cli/node-file-system.js';
import { runCli } from '../../src/cli/run.js';
import rule from '../../src/markdownlint.js';
import { parseDetail } from '../../src/markdownlint/to-errors.js';
import { makeReport, words } from '../support/report.js';
import { loadConstraints } from '../../src/validate/custom-schema.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** Every report fixture but those made for a custom schema (the rule checks the built-in constraints). */
const REPORTS = ['rules', 'engine', 'cli', 'markdownlint'].flatMap((folder) =>
  readdirSync(join(fixtures, folder))
    .filter((name) => name.endsWith('.md'))
    .filter((name) => !readdirSync(join(fixtures, folder)).includes(name.replace(/\.md$/, '.schema.json')))
    .map((name) => `${folder}/${name}`),
);
/** The figures beside each report, as the rule fixtures assume (one of them with another case than linked). */
const FIGURES = ['reports/figures/shot.png', 'reports/figures/shot.gif', 'docs/loss.png'];
const ONLY_THE_RULE = { default: false, 'report-check': true };

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'report-check-markdownlint-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fixture as `reports/README.md` of a repository of its own (no .git: both sides look on disk). */
function layOut(fixture: string, text = readFileSync(join(fixtures, fixture), 'utf8')): string {
  const repo = mkdtempSync(join(work, 'repo-'));
  for (const figure of FIGURES) {
    mkdirSync(dirname(join(repo, figure)), { recursive: true });
    writeFileSync(join(repo, figure), 'png');
  }
  const report = join(repo, 'reports', 'README.md');
  writeFileSync(report, text);
  return report;
}

async function cli(args: string[]): Promise<string> {
  let stdout = '';
  await runCli(args, {
    fs: nodeFileSystem,
    engine: { checkReport, loadConstraints },
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    isTTY: false,
    env: {},
    cwd: work,
    version: '0.0.0',
  });
  return stdout;
}

interface Seen {
  line: number;
  ruleId: string;
  message: string;
}

async function cliFindings(file: string, options: string[] = []): Promise<Seen[]> {
  const out = JSON.parse(await cli(['--format', 'json', ...options, file])) as {
    files: { diagnostics: Seen[] }[];
  };
  return (out.files[0]?.diagnostics ?? []).map(({ line, ruleId, message }) => ({ line, ruleId, message }));
}

function lintFile(file: string, config: Configuration = ONLY_THE_RULE, text?: string): LintError[] {
  const options = text === undefined ? { files: [file] } : { strings: { [file]: text } };
  return lint({ ...options, customRules: [rule], config })[file] ?? [];
}

function ruleFindings(errors: LintError[]): Seen[] {
  return errors.flatMap((e) => {
    const found = parseDetail(e.errorDetail ?? '');
    return found ? [{ line: e.lineNumber, ruleId: found.ruleId, message: found.message }] : [];
  });
}

const byPlace = (a: Seen, b: Seen): number =>
  a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);

describe('report-check as a markdownlint custom rule', () => {
  it('is a rule markdownlint accepts, named report-check, with tags other than its names', () => {
    expect(rule.names).toContain('report-check');
    expect(rule.tags.some((tag) => rule.names.includes(tag))).toBe(false);
    const errors = lint({ strings: { 'a.md': '# Title\n' }, customRules: [rule], config: ONLY_THE_RULE })[
      'a.md'
    ];
    expect(errors?.length).toBeGreaterThan(0);
    expect(errors?.every((e) => e.ruleNames[0] === 'report-check' && parseDetail(e.errorDetail ?? ''))).toBe(
      true,
    );
  });

  it.each(REPORTS)(
    '%s: the same findings on the same lines as report-check --format json',
    async (fixture) => {
      const file = layOut(fixture);
      const errors = lintFile(file);
      const expected = (await cliFindings(file)).map((d) => ({
        ...d,
        line: Math.max(d.line, frontMatter(file) + 1),
      }));
      expect(ruleFindings(errors).sort(byPlace)).toEqual(expected.sort(byPlace));
    },
  );

  it.each(REPORTS)(
    "%s: markdownlint's applyFixes gives the text report-check --fix writes",
    async (fixture) => {
      const file = layOut(fixture);
      const before = readFileSync(file, 'utf8');
      const byRule = applyFixes(before, lintFile(file));
      await cli(['--fix', file]);
      expect(byRule).toBe(readFileSync(file, 'utf8'));
    },
  );

  it('holds back the quick fix that --fix holds back: one after which the course checker would fail more', async () => {
    // Question 4's two `---` markers are what keep it at 100 words (101 to the checker): removing them fails it.
    const text = makeReport('2026', { 4: `--- ${words(99)} ---`, 5: `${words(120)}\n---` });
    const file = layOut('held.md', text);
    const errors = lintFile(file);
    const marker = errors.find((e) => parseDetail(e.errorDetail ?? '')?.ruleId === 'template-marker');
    expect(marker?.fixInfo).toBeNull();
    const byRule = applyFixes(text, errors);
    await cli(['--fix', file]);
    expect(byRule).toBe(readFileSync(file, 'utf8'));
    expect(byRule).toContain(`--- ${words(99)} ---`);
    expect(byRule).not.toBe(text);
  });

  it('offers the fixes of every fixable rule as quick fixes, and fixing all leaves none of them', () => {
    const fixed = ['template-marker', 'placeholder-left', 'setext-heading', 'answer-repeated', 'image-case'];
    for (const id of fixed) {
      const file = layOut(`rules/${id}.md`);
      const errors = lintFile(file);
      const withFix = errors.filter((e) => e.fixInfo && parseDetail(e.errorDetail ?? '')?.ruleId === id);
      expect([id, withFix.length > 0]).toEqual([id, true]);
      const after = applyFixes(readFileSync(file, 'utf8'), errors);
      writeFileSync(file, after);
      expect([id, lintFile(file).some((e) => e.fixInfo)]).toEqual([id, false]);
    }
  });

  it('reads the text markdownlint hides in HTML comments from the saved file, as the course checker reads it', () => {
    const file = layOut('markdownlint/commented-figure.md');
    const saved = readFileSync(file, 'utf8');
    const imageCount = (errors: LintError[]) =>
      ruleFindings(errors).filter((d) => d.ruleId === 'image-count');
    // The commented-out figure counts for the course checker: Question 19 is not short of images.
    expect(imageCount(lintFile(file))).toEqual([]);
    expect(imageCount(lintFile(file, ONLY_THE_RULE, saved))).toEqual([]);
    // An unsaved buffer (not the file on disk) is checked as markdownlint hands it, comments hidden.
    const edited = saved.replace('No screenshot here yet.', 'No screenshot here, not yet.');
    expect(imageCount(lintFile(file, ONLY_THE_RULE, edited)).map((d) => d.message)).toEqual([
      expect.stringMatching(/^Question 19 has no images/),
    ]);
  });

  it('takes the edition and strict from its configuration, as --edition and --strict', async () => {
    const file = layOut('cli/template-2026.md');
    const config = { default: false, 'report-check': { edition: '2025', strict: true } };
    const expected = await cliFindings(file, ['--edition', '2025', '--strict']);
    expect(expected).not.toEqual(await cliFindings(file));
    expect(ruleFindings(lintFile(file, config)).sort(byPlace)).toEqual(expected.sort(byPlace));
  });

  it('takes an edition written as a number (YAML `edition: 2025`) as that edition', async () => {
    const file = layOut('cli/template-2026.md');
    const config = { default: false, 'report-check': { edition: 2025, strict: true } };
    const expected = await cliFindings(file, ['--edition', '2025', '--strict']);
    expect(ruleFindings(lintFile(file, config)).sort(byPlace)).toEqual(expected.sort(byPlace));
  });

  it.each([
    [
      { edition: 2019 },
      'The setting "edition" of report-check must be one of auto, 2023, 2024, 2025, 2026, not 2019.',
    ],
    [
      { edition: '2019' },
      'The setting "edition" of report-check must be one of auto, 2023, 2024, 2025, 2026, not "2019".',
    ],
    [{ strict: 'yes' }, 'The setting "strict" of report-check must be true or false, not "yes".'],
    [
      { editon: '2025' },
      'Unknown setting "editon" for report-check in the markdownlint configuration; it takes edition and strict.',
    ],
  ])('a wrong setting %j is one error on line 1 that says which, never a pass', (settings, message) => {
    const file = layOut('cli/template-2026.md');
    const errors = lintFile(file, { default: false, 'report-check': settings });
    expect(errors.map((e) => [e.lineNumber, e.errorDetail])).toEqual([
      [1, `report-check could not run: ${message}`],
    ]);
  });

  it('a file that is not a report (a NUL byte) is its one file-level error on line 1, as the CLI refuses it', () => {
    const errors = lint({ strings: { 'x.md': 'a\u0000b\n' }, customRules: [rule], config: ONLY_THE_RULE })[
      'x.md'
    ];
    expect(ruleFindings(errors ?? []).map((d) => [d.line, d.ruleId])).toEqual([[1, 'report-binary']]);
    expect(errors).toHaveLength(1);
  });
});

/** Lines of front matter markdownlint keeps from rules, found with its own pattern. */
function frontMatter(file: string): number {
  const match = frontMatterRe.exec(readFileSync(file, 'utf8'));
  if (!match || match.index !== 0) return 0;
  const lines = match[0].split(/\r\n|\r|\n/);
  return lines.at(-1) === '' ? lines.length - 1 : lines.length;
}
