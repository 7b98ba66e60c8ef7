import { fingerprint } from '../../src/diagnostic.js';
import { clamp, finding, placeFinding } from '../../src/rules/finding.js';

describe('finding', () => {
  it('should span the whole line by default, fingerprinted by rule and question', () => {
    expect(finding({ ruleId: 'x', severity: 'warning', message: 'm', line: 4, question: 2 })).toEqual({
      ruleId: 'x',
      severity: 'warning',
      message: 'm',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 1,
      question: 2,
      fingerprint: fingerprint('x', 2),
    });
  });

  it('should fingerprint by another question and a key when told, and keep expected and actual', () => {
    const found = finding({
      ruleId: 'x',
      severity: 'error',
      message: 'm',
      line: 1,
      question: 3,
      expected: 1,
      actual: 2,
      identity: { question: null, key: 'k' },
    });
    expect(found).toMatchObject({
      question: 3,
      expected: 1,
      actual: 2,
      fingerprint: fingerprint('x', null, 'k'),
    });
  });
});

describe('clamp', () => {
  it('should keep a range inside the file', () => {
    const found = finding({
      ruleId: 'x',
      severity: 'error',
      message: 'm',
      line: 9,
      endLine: 12,
      question: null,
    });
    expect(clamp({ ...found, column: 0 }, 5)).toMatchObject({ line: 5, endLine: 5, column: 1, endColumn: 1 });
  });

  it('should place a finding in its report: the path first, its fields in order, its range clamped', () => {
    const found = finding({
      ruleId: 'x',
      severity: 'error',
      message: 'm',
      line: 9,
      endLine: 12,
      endColumn: 4,
      question: 3,
      expected: { min: 1, max: 2 },
      actual: 0,
    });
    const placed = placeFinding('reports/README.md', { ...found, column: 0 }, 10);
    expect(JSON.stringify(placed)).toBe(
      JSON.stringify({ path: 'reports/README.md', ...clamp({ ...found, column: 0 }, 10) }),
    );
    expect(placed).toMatchObject({ line: 9, endLine: 10, column: 1, endColumn: 4 });
  });
});
