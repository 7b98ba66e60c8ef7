import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { checkReport } from '../src/check.js';
import { loadConstraints } from '../src/validate/custom-schema.js';
import { makePassingReport, makeReport, words } from './support/report.js';

const fixtures = new URL('./fixtures/engine/', import.meta.url);

describe('checkReport golden fixtures', () => {
  // case.md beside case.diagnostics.json; UPDATE=1 rewrites the expectations after a reviewed change.
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.md'))) {
    it(`should report what ${name}.diagnostics.json says for ${name}`, () => {
      const content = readFileSync(new URL(name, fixtures));
      const result = checkReport({ path: `reports/${name}`, content, files: ['reports/figures/bucket.png'] });
      const actual = {
        edition: result.edition,
        courseChecker: result.courseChecker,
        diagnostics: result.diagnostics.map(
          (d) => `${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`,
        ),
      };
      const expectedFile = new URL(name.replace(/\.md$/, '.diagnostics.json'), fixtures);
      if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

describe('checkReport', () => {
  it('should pass a report with every answer inside its range', () => {
    for (const edition of ['2024', '2026'] as const) {
      const result = checkReport({
        path: 'reports/README.md',
        content: makePassingReport(edition),
        edition,
        files: ['reports/figures/shot.png'],
      });
      expect(result.diagnostics).toEqual([]);
      expect(result.courseChecker).toEqual({ outcome: 'pass', failures: [], reason: null });
    }
  });

  it('should say how many words to add, on the line of the answer', () => {
    const text = makePassingReport('2026').replace(
      /(### Question 14\n(?:.*\n){3}\n)[^\n]*/,
      `$1${words(186)}`,
    );
    const result = checkReport({ path: 'r.md', content: text, edition: '2026', files: ['figures/shot.png'] });
    const finding = result.diagnostics.find((d) => d.ruleId === 'word-count');
    expect(finding?.message).toBe('Question 14 has 187 words; it needs 200–300 words, so add at least 13.');
    expect(text.split('\n')[(finding?.line ?? 0) - 1]).toMatch(/^word0 word1/);
    expect(result.courseChecker.failures).toEqual([
      { question: 14, kind: 'words', min: 200, max: 300, got: 187 },
    ]);
  });

  it('should make unanswered questions notices, and errors when strict', () => {
    const text = makeReport('2026');
    const loose = checkReport({ path: 'r.md', content: text, edition: '2026' });
    expect(loose.diagnostics.filter((d) => d.ruleId === 'unanswered')).toHaveLength(31);
    expect(loose.diagnostics.every((d) => d.severity === 'notice')).toBe(true);
    const strict = checkReport({ path: 'r.md', content: text, edition: '2026', strict: true });
    expect(strict.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(31);
    expect(loose.courseChecker.outcome).toBe('fail');
  });

  it('should ask for an answer where the answer is empty, and for replacing the placeholder where it is left', () => {
    const result = checkReport({ path: 'r.md', content: makeReport('2026', { 4: '' }), edition: '2026' });
    const messages = result.diagnostics
      .filter((d) => d.question === 4 || d.question === 5)
      .map((d) => d.message);
    expect(messages).toEqual([
      'Question 4 is not answered yet: write your answer (100–200 words).',
      'Question 5 is not answered yet: replace the placeholder with your answer (100–200 words).',
    ]);
  });

  it('should name the question and line that make the course checker crash', () => {
    const text = makePassingReport('2024').replace(
      '### Question 9\n> **Prompt of question 9?**\n>\n> Answer:',
      '### Question 9\n> **Prompt of question 9?**',
    );
    const result = checkReport({ path: 'r.md', content: text, edition: '2024', files: ['figures/shot.png'] });
    expect(result.courseChecker.outcome).toBe('crash');
    const line = text.split('\n').indexOf('### Question 9') + 1;
    expect(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line, d.question]),
    ).toEqual([['answer-missing', line, 9]]);
    expect(result.diagnostics[0]?.message).toContain(
      'so the course checker crashes (it finds 26 answers, not 27)',
    );
  });

  it('should report each image problem at the image', () => {
    const answer = `${words(220)}\n\n![a](figures/Shot.png)\n![b](figures/none.png)\n![c](https://x.io/a.png)\n![d](figures/d.gif)\n![e](../../etc/passwd.png)`;
    const text = makePassingReport('2026').replace(
      /(### Question 14\n(?:.*\n){3}\n)[^\n]*\n\n[^\n]*/,
      `$1${answer}`,
    );
    const result = checkReport({
      path: 'reports/README.md',
      content: text,
      edition: '2026',
      files: ['reports/figures/shot.png', 'reports/figures/d.gif'],
    });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual([
      'image-count',
      'image-case',
      'image-missing',
      'image-remote',
      'image-format',
      'image-outside-repository',
    ]);
  });

  it('should report bytes that are not UTF-8 once, as the crash they cause, and check the rest', () => {
    const text = makePassingReport('2026');
    const bytes = new TextEncoder().encode(text);
    const at = text.indexOf('word5');
    const broken = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)]);
    const result = checkReport({
      path: 'r.md',
      content: broken,
      edition: '2026',
      files: ['figures/shot.png'],
    });
    const line = text.slice(0, at).split('\n').length;
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ['course-checker-crash', 'error', line],
    ]);
    expect(result.courseChecker.outcome).toBe('crash');
  });

  it("should use a custom schema instead of the edition's ranges", () => {
    const schema = loadConstraints(
      JSON.stringify({
        properties: { questions: { properties: { '2': { properties: { words: { minimum: 3 } } } } } },
      }),
      'strict.json',
    );
    const result = checkReport({
      path: 'r.md',
      content: makeReport('2026', { 2: 's1' }),
      edition: '2026',
      constraints: schema,
    });
    expect(result.edition).toBe('custom');
    expect(result.diagnostics.find((d) => d.ruleId === 'word-count')?.message).toBe(
      'Question 2 has 1 word; it needs at least 3 words, so add at least 2.',
    );
  });

  it('should give the same result for the same input', () => {
    const text = makeReport('2025', { 4: words(20), 14: '![x](y.png)' });
    expect(checkReport({ path: 'r.md', content: text })).toEqual(
      checkReport({ path: 'r.md', content: text }),
    );
  });
});
