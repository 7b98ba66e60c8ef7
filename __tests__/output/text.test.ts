import {
  describeCourseChecker,
  formatText,
  formatTextFailure,
  formatTextTotal,
} from '../../src/output/text.js';
import { cleanResult, sampleDiagnostic, sampleResult } from './sample-results.js';

const plain = { color: false };

describe('formatText', () => {
  it('should print each finding as path:line:col severity message [rule]', () => {
    const [line] = formatText(sampleResult(), plain).split('\n');
    expect(line).toBe(
      'reports/README.md:120:1 error Question 14 has 187 words; it needs 200–300, so add at least 13. [word-count]',
    );
  });

  it('should end with a summary line naming the counts, the edition and the course checker outcome', () => {
    const lines = formatText(sampleResult(), plain).trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      'reports/README.md: 1 error, 0 warnings, 0 notices; edition 2024 (detected); course checker: fail on 14 (words -13)',
    );
  });

  it('should say no findings and pass for a clean report', () => {
    expect(formatText(cleanResult(), plain)).toBe(
      'reports/README.md: no findings; edition 2024 (detected); course checker: pass\n',
    );
  });

  it('should name a custom schema instead of an edition', () => {
    expect(formatText({ ...cleanResult(), edition: 'custom', editionSource: 'given' }, plain)).toContain(
      '; custom schema;',
    );
  });

  it('should not let control characters from the report reach the terminal', () => {
    const result = sampleResult({
      diagnostics: [sampleDiagnostic({ message: 'Image \u001b[2Jx\nmissing.' })],
    });
    const [line] = formatText(result, plain).split('\n');
    expect(line).toContain('Image \\u{001b}[2Jx missing.');
    expect(line).not.toContain('\u001b');
  });

  it('should colour only when asked', () => {
    expect(formatText(sampleResult(), plain)).not.toContain('\u001b[');
    const colored = formatText(sampleResult(), { color: true });
    expect(colored).toContain('\u001b[31merror\u001b[0m');
  });
});

describe('describeCourseChecker', () => {
  it('should group failures by question, each saying how far and which way it is out of range', () => {
    expect(
      describeCourseChecker({
        outcome: 'fail',
        failures: [
          { question: 14, kind: 'words', min: 200, max: 300, got: 10 },
          { question: 14, kind: 'images', min: 1, max: 3, got: 0 },
          { question: 19, kind: 'images', min: 1, max: 2, got: 5 },
        ],
        reason: null,
      }),
    ).toBe('fail on 14 (words -190, images -1), 19 (images +3)');
  });

  it('should give the reason of a crash', () => {
    expect(
      describeCourseChecker({ outcome: 'crash', failures: [], reason: 'ValueError: Number of answers' }),
    ).toBe('crash (ValueError: Number of answers)');
  });
});

describe('formatTextFailure', () => {
  it('should print one line saying what and where', () => {
    expect(formatTextFailure({ path: 'reports/README.md', message: 'no such file' })).toBe(
      'report-check: reports/README.md: no such file\n',
    );
  });
});

describe('formatTextTotal', () => {
  it('should total findings and course checker outcomes over many reports', () => {
    expect(
      formatTextTotal(
        [sampleResult(), cleanResult('b/README.md')],
        [{ path: 'c', message: 'no such file' }],
        plain,
      ),
    ).toBe(
      '3 reports, 1 could not be checked: 1 error, 0 warnings, 0 notices; course checker: 1 pass, 1 fail, 0 crash\n',
    );
  });
});
