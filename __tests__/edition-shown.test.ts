import { readFileSync } from 'node:fs';
import { checkReport } from '../src/check.js';
import { toJsonReport } from '../src/output/json.js';
import { formatText } from '../src/output/text.js';
import prompts from '../src/parse/edition-prompts.json' with { type: 'json' };
import { renderJobSummary, renderSummaryComment } from '../src/review/render.js';
import { loadSource, unreadableResult } from '../src/source/load-source.js';
import { groupOf } from './support/cohort-groups.js';

// What a student sees of the edition and of a file that is not a report, in every output: issue 7's
// "An empty file or `hello world` gets 28 findings and `edition 2023 (detected)`", "The action's summary of a
// deleted report says Edition 2026 (detected)", "`--edition 2026` on a 2023 report asks to restore Questions
// 28–31".

const PATH = 'reports/README.md';
const plain = { color: false };
const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const summary = (result: ReturnType<typeof checkReport>): string =>
  renderSummaryComment({ result, headSha: 'a'.repeat(40), failOn: 'error' });

describe('a file that is not an exam report', () => {
  const NOT_A_REPORT = `1:1 error Not a DTU 02476 exam report: no \`### Question N\` headings and no template text; copy the course's report template (reports/README.md) and answer in it. [not-a-report]`;

  for (const [name, text] of [
    ['an empty file', ''],
    ['hello world', 'hello world\n'],
    [
      'another README',
      '# My project\n\nInstall it with `pip install .` and run `make train`.\n\n## Usage\n\nSee docs/.\n',
    ],
  ]) {
    it(`should give ${name} one error and the edition unknown, in text, JSON and the summaries`, () => {
      const result = checkReport({ path: PATH, content: text ?? '' });
      expect(
        result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`),
      ).toEqual([NOT_A_REPORT]);
      expect(formatText(result, plain).trimEnd().split('\n').at(-1)).toMatch(
        `${PATH}: 1 error, 0 warnings, 0 notices; edition unknown; course checker: crash`,
      );
      expect(result.courseChecker.outcome).toBe('crash');
      expect(toJsonReport([result]).files[0]).toMatchObject({ edition: 'unknown', questions: [] });
      expect(summary(result)).toContain('<sub>Edition unknown; updated on every run.</sub>');
      expect(renderJobSummary({ result, headSha: null, failOn: 'error' })).toContain(
        '<sub>Edition unknown.</sub>',
      );
    });
  }

  it('should keep the edition unknown when one was given, and say it was given', () => {
    const result = checkReport({ path: PATH, content: 'hello world\n', edition: '2026' });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['not-a-report']);
    expect([result.edition, result.editionSource]).toEqual(['unknown', 'given']);
  });

  it('should show unknown in the cohort row of a group whose report is not one', () => {
    const row = groupOf('course/echo', 'hello world\n');
    expect([row.edition, row.courseChecker?.outcome, row.summary?.errors]).toEqual(['unknown', 'crash', 1]);
  });

  it('should still read a report whose prompts are gone but whose headings or Answer: lines are there', () => {
    const headings = checkReport({ path: PATH, content: '### Question 1\n\nWe are group 7.\n' });
    expect(headings.diagnostics.map((d) => d.ruleId)).not.toContain('not-a-report');
    const answers = checkReport({ path: PATH, content: 'Answer:\n\nWe are group 7.\n' });
    expect(answers.diagnostics.map((d) => d.ruleId)).not.toContain('not-a-report');
  });
});

describe('a report that could not be read', () => {
  const deleted = loadSource({ path: PATH, problem: { kind: 'deleted' } });
  if (deleted.ok) throw new Error('expected a problem');

  it('should name no edition in the summary comment, the job summary or the JSON', () => {
    for (const edition of ['auto', '2024'] as const) {
      const result = unreadableResult(deleted, { edition });
      const body = summary(result);
      expect(body).not.toMatch(/edition/i);
      expect(body).toContain('<sub>Updated on every run.</sub>');
      expect(renderJobSummary({ result, headSha: null, failOn: 'error' })).not.toMatch(/edition/i);
      expect(toJsonReport([result]).files[0]?.edition).toBeNull();
      expect(formatText(result, plain)).toContain(
        `${PATH}: 1 error, 0 warnings, 0 notices; course checker: crash`,
      );
    }
  });
});

describe('2023 or 2024', () => {
  it('should say 2023/2024 for the 27-question template as students hand it in (the 2023 wording)', () => {
    const result = checkReport({ path: PATH, content: fixture('engine/mixed-2024.md') });
    expect(result.edition).toBe('2023/2024');
    expect(formatText(result, plain)).toContain('; edition 2023/2024 (detected); course checker:');
    expect(summary(result)).toContain('<sub>Edition 2023/2024 (detected); updated on every run.</sub>');
  });

  it("should say 2024 only for the 2024 template's own wording (Recommended answer length) and none of 2023's", () => {
    const own = prompts['2024'].filter((line) => !prompts['2023'].includes(line));
    const shared = prompts['2024'].filter((line) => prompts['2023'].includes(line));
    expect(checkReport({ path: PATH, content: [...shared, ...own].join('\n') }).edition).toBe('2024');
  });

  it('should keep a given edition as given', () => {
    const result = checkReport({ path: PATH, content: fixture('engine/mixed-2024.md'), edition: '2023' });
    expect([result.edition, result.editionSource]).toEqual(['2023', 'given']);
  });
});

describe('a given edition that the text contradicts', () => {
  const lines = (result: ReturnType<typeof checkReport>, ids: string[]): string[] =>
    result.diagnostics
      .filter((d) => ids.includes(d.ruleId))
      .map((d) => `${d.line} ${d.severity} ${d.message} [${d.ruleId}]`);

  it('should say once that a 2023 report is the 2023/2024 template, not ask to restore Questions 28–31', () => {
    const result = checkReport({ path: PATH, content: fixture('engine/mixed-2024.md'), edition: '2026' });
    expect(
      lines(result, ['edition-mismatch', 'question-missing', 'question-unknown', 'course-checker-crash']),
    ).toEqual([
      '1 error The report is the 2023/2024 template (27 questions), but the edition is given as 2026 (31 questions), so the course checker crashes (it finds 27 answers, not 31); set the edition to `auto` or `2023` (`2024` checks the same). [edition-mismatch]',
    ]);
    expect(result.edition).toBe('2026');
  });

  it('should say once that a 2026 report is the 2026 template, not call Questions 28–31 unknown', () => {
    const result = checkReport({ path: PATH, content: fixture('cli/template-2026.md'), edition: '2023' });
    expect(
      lines(result, ['edition-mismatch', 'question-missing', 'question-unknown', 'course-checker-crash']),
    ).toEqual([
      '1 error The report is the 2026 template (31 questions), but the edition is given as 2023 (27 questions), so the course checker crashes (it finds 31 answers, not 27); set the edition to `auto` or `2026`. [edition-mismatch]',
    ]);
  });

  it('should say nothing when the given edition is of the same family as the text', () => {
    for (const edition of ['2023', '2024'] as const) {
      const result = checkReport({ path: PATH, content: fixture('engine/mixed-2024.md'), edition });
      expect(lines(result, ['edition-mismatch'])).toEqual([]);
    }
  });
});
