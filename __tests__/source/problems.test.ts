import { findRule } from '../../src/rules/index.js';
import {
  bytesProblem,
  MAX_REPORT_BYTES,
  PROBLEM_RULES,
  problemMessage,
  problemReason,
  type SourceProblem,
} from '../../src/source/problems.js';

describe('bytesProblem', () => {
  it('should accept a report of exactly the limit', () => {
    expect(bytesProblem(new Uint8Array(MAX_REPORT_BYTES).fill(0x61))).toBeNull();
  });

  it('should refuse one byte over the limit as too large', () => {
    expect(bytesProblem(new Uint8Array(MAX_REPORT_BYTES + 1))).toEqual({
      kind: 'too-large',
      size: MAX_REPORT_BYTES + 1,
    });
  });

  it('should name the first NUL byte of a binary file', () => {
    expect(bytesProblem(new Uint8Array([0x61, 0x62, 0x00, 0x00]))).toEqual({ kind: 'binary', offset: 2 });
  });
});

describe('problem texts', () => {
  const problems: SourceProblem[] = [
    { kind: 'missing', ref: '0123456789abcdef0123' },
    { kind: 'deleted' },
    { kind: 'renamed', to: 'docs/report.md' },
    { kind: 'too-large', size: 3 * 1024 * 1024 },
    { kind: 'binary', offset: 7 },
  ];

  it('should report each problem under a rule the registry documents', () => {
    for (const problem of problems) expect(findRule(PROBLEM_RULES[problem.kind])?.check).toBeNull();
  });

  it('should say what to change in one sentence naming the path', () => {
    expect(problemMessage('reports/README.md', problems[0]!)).toBe(
      'reports/README.md does not exist at 0123456789ab; the course checker reads the report from there.',
    );
    expect(problemMessage('reports/README.md', problems[2]!)).toBe(
      'This pull request moves reports/README.md to docs/report.md; the course checker reads reports/README.md, so move it back.',
    );
    for (const problem of problems) expect(problemMessage('r.md', problem)).toMatch(/^[^\n]*r\.md[^\n]*\.$/);
  });

  it('should give a short reason for a "could not run" line, sizes in MiB when large', () => {
    expect(problemReason(problems[3]!)).toBe('too large (3.0 MiB; the limit is 1 MiB)');
    expect(problemReason({ kind: 'too-large', size: MAX_REPORT_BYTES + 1 })).toBe(
      'too large (1048577 bytes; the limit is 1 MiB)',
    );
    expect(problemReason(problems[4]!)).toBe('binary file (NUL byte at offset 7), not a markdown report');
    expect(problemReason(problems[1]!)).toBe('deleted by the pull request');
  });
});
