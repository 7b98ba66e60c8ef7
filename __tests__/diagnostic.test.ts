import { compareDiagnostics, fingerprint, reaches, type Diagnostic } from '../src/diagnostic.js';

describe('fingerprint', () => {
  it('should name a finding the same way on every run, whatever its line', () => {
    expect(fingerprint('word-count', 14, '187')).toBe(fingerprint('word-count', 14, '187'));
    expect(fingerprint('word-count', 14, '187')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('should tell findings apart by rule, question and key', () => {
    const prints = new Set([
      fingerprint('word-count', 14, '187'),
      fingerprint('word-count', 14, '188'),
      fingerprint('word-count', 15, '187'),
      fingerprint('image-count', 14, '187'),
      fingerprint('word-count', null, '187'),
    ]);
    expect(prints.size).toBe(5);
  });
});

describe('reaches', () => {
  it('should order error above warning above notice', () => {
    expect(reaches('error', 'warning')).toBe(true);
    expect(reaches('notice', 'warning')).toBe(false);
    expect(reaches('warning', 'warning')).toBe(true);
  });
});

describe('compareDiagnostics', () => {
  it('should sort by line, then column, then severity', () => {
    const at = (line: number, column: number, severity: Diagnostic['severity']): Diagnostic => ({
      ruleId: 'r',
      severity,
      message: 'm',
      path: 'p',
      line,
      column,
      endLine: line,
      endColumn: column,
      question: null,
      fingerprint: 'f',
    });
    const sorted = [at(3, 1, 'error'), at(1, 2, 'notice'), at(1, 2, 'error'), at(1, 1, 'warning')].sort(
      compareDiagnostics,
    );
    expect(sorted.map((d) => `${d.line}:${d.column}:${d.severity}`)).toEqual([
      '1:1:warning',
      '1:2:error',
      '1:2:notice',
      '3:1:error',
    ]);
  });
});
