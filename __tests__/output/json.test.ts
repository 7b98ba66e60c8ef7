import type { FileFailure } from '../../src/output/file-failure.js';
import { formatJson, jsonWriter } from '../../src/output/json.js';
import type { CheckResult, QuestionSummary } from '../../src/result.js';
import { cleanResult, sampleDiagnostic, sampleResult } from './sample-results.js';

describe('formatJson', () => {
  it('should print the minimum contract of issue 2 for each file', () => {
    const doc = JSON.parse(formatJson([sampleResult()]));
    const file = doc.files[0];
    expect(file).toMatchObject({ path: 'reports/README.md', edition: '2024' });
    expect(file.diagnostics[0]).toMatchObject({
      ruleId: 'word-count',
      severity: 'error',
      message: 'Question 14 has 187 words; it needs 200–300, so add at least 13.',
      line: 120,
      column: 1,
      endLine: 124,
      question: 14,
    });
    expect(file.questions[0]).toMatchObject({ number: 14, words: 187, images: 1, answered: true });
    expect(file.courseChecker).toEqual({
      outcome: 'fail',
      failures: [{ question: 14, kind: 'words', min: 200, max: 300, got: 187 }],
      reason: null,
    });
  });

  it('should say how many extra questions the list leaves out, 0 when none', () => {
    const [clean, capped] = JSON.parse(
      formatJson([sampleResult(), sampleResult({ questionsOmitted: 7 })]),
    ).files;
    expect(clean.questionsOmitted).toBe(0);
    expect(capped.questionsOmitted).toBe(7);
  });

  it('should give null as the question of a whole-file finding', () => {
    const result = sampleResult({
      diagnostics: [sampleDiagnostic({ question: null, ruleId: 'answer-count' })],
    });
    const doc = JSON.parse(formatJson([result]));
    expect(doc.files[0].diagnostics[0].question).toBeNull();
  });

  it('should count findings per severity in a summary', () => {
    const result = sampleResult({
      diagnostics: [
        sampleDiagnostic(),
        sampleDiagnostic({ severity: 'warning' }),
        sampleDiagnostic({ severity: 'notice' }),
        sampleDiagnostic({ severity: 'notice' }),
      ],
    });
    expect(JSON.parse(formatJson([result])).files[0].summary).toEqual({ errors: 1, warnings: 1, notices: 2 });
  });

  it('should leave out expected, actual and note when a finding has none', () => {
    const bare = sampleDiagnostic();
    delete bare.expected;
    delete bare.actual;
    const doc = JSON.parse(formatJson([sampleResult({ diagnostics: [bare] })]));
    expect(Object.keys(doc.files[0].diagnostics[0])).not.toEqual(expect.arrayContaining(['expected']));
    expect(doc.files[0].diagnostics[0]).not.toHaveProperty('note');
  });

  it('should list reports that could not be checked under errors', () => {
    const doc = JSON.parse(formatJson([cleanResult()], [{ path: 'b/README.md', message: 'no such file' }]));
    expect(doc.files).toHaveLength(1);
    expect(doc.errors).toEqual([{ path: 'b/README.md', message: 'no such file' }]);
  });

  it('should print an empty document for no reports', () => {
    expect(JSON.parse(formatJson([]))).toEqual({ files: [], errors: [] });
  });

  it('should give the same bytes for the same input, ending in a newline', () => {
    const text = formatJson([sampleResult(), cleanResult('other/README.md')]);
    expect(formatJson([sampleResult(), cleanResult('other/README.md')])).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('should not include the path inside each diagnostic twice over', () => {
    const doc = JSON.parse(formatJson([sampleResult()]));
    expect(doc.files[0].diagnostics[0]).not.toHaveProperty('path');
  });
});

describe('formatJson questions', () => {
  it('should list the contract fields of a question first, then the others in the order they come', () => {
    const question = {
      status: 'ok',
      wordRange: null,
      answered: true,
      line: 3,
      number: 2,
      images: 0,
      words: 9,
    };
    const result = sampleResult({ questions: [question as unknown as QuestionSummary] });
    const [listed] = JSON.parse(formatJson([result])).files[0].questions;
    expect(Object.keys(listed)).toEqual([
      'number',
      'words',
      'images',
      'answered',
      'status',
      'wordRange',
      'line',
    ]);
  });
});

describe('jsonWriter', () => {
  const written = (results: CheckResult[], failures: FileFailure[]): string[] => {
    const pieces: string[] = [];
    const writer = jsonWriter((text) => pieces.push(text));
    for (const result of results) writer.file(result);
    writer.end(failures);
    return pieces;
  };
  const failure = { path: 'gone/README.md', message: 'no such file' };
  const unicode = sampleResult({
    diagnostics: [
      sampleDiagnostic({
        message: 'Quote "x" \\ \u2028 \ttab — “curly”',
        expected: { min: 1, list: [1, [2]] },
      }),
    ],
  });

  it.each([
    ['no reports', [], []],
    ['only reports that could not be read', [], [failure, { ...failure, path: 'b' }]],
    ['one report', [sampleResult()], []],
    ['reports and failures', [sampleResult(), cleanResult('b/README.md'), unicode], [failure]],
    ['a result with extra questions left out', [sampleResult({ questionsOmitted: 3 })], []],
  ])('should write the bytes of formatJson for %s', (_, results, failures) => {
    expect(written(results, failures).join('')).toBe(formatJson(results, failures));
  });

  it('should write each report as soon as it is handed over', () => {
    const pieces: string[] = [];
    const writer = jsonWriter((text) => pieces.push(text));
    writer.file(sampleResult());
    expect(pieces.join('')).toMatch(
      /^\{\n {2}"files": \[\n {4}\{\n {6}"path": "reports\/README.md",[^]*\n {4}\}$/,
    );
    const first = pieces.length;
    writer.file(cleanResult('b/README.md'));
    expect(pieces.slice(first).join('')).toMatch(/^,\n {4}\{\n {6}"path": "b\/README.md",[^]*\n {4}\}$/);
  });
});
