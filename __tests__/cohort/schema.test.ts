// `report-check cohort --schema FILE`: a custom constraints schema for every group, as the plain check has.
import { readFileSync } from 'node:fs';
import type { CohortDocument } from '../../src/cohort/summary.js';
import { runCliInMemory } from '../cli/memory-cli.js';
import { makePassingReport, passingReportWith, words } from '../support/report.js';

const BUILTIN_2026 = JSON.parse(
  readFileSync(new URL('../../schema/dtu-mlops-2026.json', import.meta.url), 'utf8'),
) as { properties: { questions: { properties: Record<string, unknown> } } };

/** The 2026 constraints with Question 4 allowed from 50 words and Question 5 asked for 300 or more. */
function customSchema(): string {
  const schema = structuredClone(BUILTIN_2026);
  const questions = schema.properties.questions.properties;
  questions['4'] = { properties: { words: { minimum: 50, maximum: 200 } } };
  questions['5'] = { properties: { words: { minimum: 300, maximum: 400 } } };
  return JSON.stringify(schema);
}

const FIGURE = { 'reports/figures/shot.png': 'png' };

function folder(name: string, report: string): Record<string, string> {
  const files: Record<string, string> = { [`/work/${name}/reports/README.md`]: report };
  for (const [path, content] of Object.entries(FIGURE)) files[`/work/${name}/${path}`] = content;
  return files;
}

function cohort(argv: string[], files: Record<string, string>) {
  return runCliInMemory(['cohort', ...argv], files);
}

const GROUPS = {
  // 90 words on Q4: short for the course (100), fine for the custom schema (50).
  ...folder('short-q4', passingReportWith({ 4: words(90) })),
  // 120 words on Q5: fine for the course, short for the custom schema (300).
  ...folder('passing', makePassingReport('2026')),
};

describe('report-check cohort --schema', () => {
  it('should judge every group by the custom constraints, and keep the course checker and scraper columns the course’s', async () => {
    const { code, stdout, stderr } = await cohort(
      ['--format', 'json', '--edition', '2026', '--schema', 'custom.json', 'short-q4', 'passing'],
      { ...GROUPS, '/work/custom.json': customSchema() },
    );
    // Only the progress lines (stderr is not a terminal here).
    expect(stderr.trimEnd().split('\n')).toEqual([
      'report-check: 1 of 2 sources read (50%)',
      'report-check: 2 of 2 sources read (100%)',
    ]);
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as CohortDocument;
    const [shortQ4, passing] = document.groups;
    const status = (group: typeof shortQ4, n: number) =>
      group?.questions?.find((q) => q.number === n)?.status;

    // The question cells and findings follow the custom schema...
    expect(status(shortQ4, 4)).toBe('ok');
    expect(status(shortQ4, 5)).toBe('short');
    expect(status(passing, 5)).toBe('short');
    expect(passing?.questions?.find((q) => q.number === 5)?.wordsBy).toBe(-180);
    expect(passing?.summary?.errors).toBeGreaterThan(0);
    const wordFindings = document.files.flatMap((file) =>
      file.diagnostics.filter((d) => d.ruleId === 'word-count').map((d) => [file.path, d.question]),
    );
    expect(wordFindings).toEqual([
      ['short-q4/reports/README.md', 5],
      ['passing/reports/README.md', 5],
    ]);
    expect(document.files.map((file) => file.edition)).toEqual(['custom', 'custom']);

    // ...while what the course's own checkers print does not.
    expect(shortQ4?.edition).toBe('2026');
    expect(shortQ4?.courseChecker?.outcome).toBe('fail');
    expect(shortQ4?.courseChecker?.failures.map((f) => f.question)).toEqual([4]);
    expect(shortQ4?.scraper?.numWarnings).toBe(1);
    expect(passing?.courseChecker?.outcome).toBe('pass');
    expect(passing?.scraper?.numWarnings).toBe(0);
    expect(document.cohort.schema).toBe('custom.json');
  });

  it('should check against each edition’s own constraints without --schema', async () => {
    const { code, stdout } = await cohort(
      ['--format', 'json', '--edition', '2026', 'short-q4', 'passing'],
      GROUPS,
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as CohortDocument;
    expect(document.groups.map((g) => g.questions?.find((q) => q.number === 4)?.status)).toEqual([
      'short',
      'ok',
    ]);
    expect(document.groups.map((g) => g.questions?.find((q) => q.number === 5)?.status)).toEqual([
      'ok',
      'ok',
    ]);
    expect(document.cohort.schema).toBeUndefined();
  });

  it.each([
    [
      'an invalid schema',
      { '/work/custom.json': '{"properties": ' },
      /^report-check: custom\.json: invalid JSON[^\n]*\n$/,
    ],
    ['a missing schema', {}, /^report-check: custom\.json: [^\n]*\n$/],
  ])(
    'should stop with one line naming the file for %s, before reading any group',
    async (_, extra, message) => {
      const { code, stdout, stderr } = await cohort(['--schema', 'custom.json', 'short-q4'], {
        ...GROUPS,
        ...extra,
      });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    },
  );

  it('should refuse an empty --schema and list the option in --help', async () => {
    const empty = await cohort(['--schema', '', 'short-q4'], GROUPS);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('report-check: --schema needs a file\n');
    const help = await cohort(['--help'], {});
    expect(help.stdout).toMatch(
      /--schema FILE\s+check every report against a custom constraints JSON Schema/,
    );
  });
});
