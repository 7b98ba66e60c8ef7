import fc from 'fast-check';
import {
  compareDiagnostics,
  compareRuleIds,
  fingerprint,
  reaches,
  type Diagnostic,
} from '../src/diagnostic.js';
import { RULES } from '../src/rules/index.js';

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

  it('should write each hash as 8 hex digits, leading zeros included', () => {
    // FNV-1a of the parts, as the fingerprint hashes them (two offset bases), written the long way round.
    const fnv = (text: string, basis: number) => {
      let h = basis;
      for (const unit of text) h = Math.imul(h ^ unit.charCodeAt(0), 0x01000193);
      return (h >>> 0).toString(16).padStart(8, '0');
    };
    fc.assert(
      fc.property(fc.string(), fc.option(fc.nat(40)), fc.string(), (rule, question, key) => {
        const text = `${rule}\u0000${question ?? '-'}\u0000${key}`;
        expect(fingerprint(rule, question, key)).toBe(fnv(text, 0x811c9dc5) + fnv(text, 0x050c5d1f));
      }),
    );
    // 5,000 keys: some 40 of their hashes start with a zero byte, which toString(16) alone would drop.
    let padded = 0;
    for (let i = 0; i < 5000; i++) {
      const text = `word-count\u00003\u0000${i}`;
      const expected = fnv(text, 0x811c9dc5) + fnv(text, 0x050c5d1f);
      if (/^00|^.{8}00/.test(expected)) padded++;
      expect(fingerprint('word-count', 3, String(i))).toBe(expected);
    }
    expect(padded).toBeGreaterThan(0);
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

describe('compareRuleIds', () => {
  const sign = (n: number) => Math.sign(n);

  it('should order every pair of registered rule ids as localeCompare does', () => {
    const ids = RULES.map((rule) => rule.id);
    for (const a of ids)
      for (const b of ids) expect(sign(compareRuleIds(a, b))).toBe(sign(a.localeCompare(b)));
  });

  it('should order any kebab-case ids as localeCompare does', () => {
    const kebab = fc.stringMatching(/^[a-z0-9-]{0,12}$/);
    fc.assert(
      fc.property(kebab, kebab, (a, b) => {
        expect(sign(compareRuleIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('should leave other ids to localeCompare', () => {
    expect(sign(compareRuleIds('Word-Count', 'word-count'))).toBe(
      sign('Word-Count'.localeCompare('word-count')),
    );
    expect(sign(compareRuleIds('a_b', 'a-b'))).toBe(sign('a_b'.localeCompare('a-b')));
  });
});

describe('compareDiagnostics at one place', () => {
  const at = (ruleId: string, message: string): Diagnostic => ({
    ruleId,
    severity: 'warning',
    message,
    path: 'p',
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 1,
    question: 3,
    fingerprint: 'f',
  });

  it('should order findings of two rules by rule id, and of one rule by message', () => {
    const sorted = [
      at('template-marker', 'a'),
      at('image-missing', 'b'),
      at('image-missing', 'B'),
      at('image-count', 'z'),
    ].sort(compareDiagnostics);
    expect(sorted.map((d) => `${d.ruleId}:${d.message}`)).toEqual([
      'image-count:z',
      'image-missing:b',
      'image-missing:B',
      'template-marker:a',
    ]);
  });
});
