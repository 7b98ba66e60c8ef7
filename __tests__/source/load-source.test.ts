import { fingerprint } from '../../src/diagnostic.js';
import { loadSource, MAX_REPORT_BYTES, unreadableResult } from '../../src/source/load-source.js';

const PATH = 'reports/README.md';

describe('loadSource', () => {
  it('should pass a report of text through as what checkReport needs', () => {
    const bytes = new TextEncoder().encode('### Question 1\n> Answer:\n');
    expect(loadSource({ path: PATH, bytes })).toEqual({ ok: true, path: PATH, content: bytes });
  });

  it('should turn bytes over the limit into the report-too-large error on line 1', () => {
    const loaded = loadSource({ path: PATH, bytes: new Uint8Array(MAX_REPORT_BYTES + 1) });
    expect(loaded).toMatchObject({
      ok: false,
      reason: 'too large (1048577 bytes; the limit is 1 MiB)',
      diagnostic: {
        ruleId: 'report-too-large',
        severity: 'error',
        path: PATH,
        line: 1,
        column: 1,
        question: null,
        fingerprint: fingerprint('report-too-large', null),
      },
    });
  });

  it('should turn a NUL byte into the report-binary error', () => {
    const loaded = loadSource({ path: PATH, bytes: new Uint8Array([0x23, 0x00]) });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.diagnostic.ruleId).toBe('report-binary');
  });

  it('should turn a named problem into its error, the bytes never read', () => {
    const loaded = loadSource({ path: PATH, problem: { kind: 'deleted' } });
    expect(!loaded.ok && loaded.diagnostic.message).toBe(
      'This pull request deletes reports/README.md; the course checker reads the report from there, so restore it.',
    );
  });
});

describe('unreadableResult', () => {
  const loaded = loadSource({ path: PATH, problem: { kind: 'missing', ref: 'abcdef0123456789' } });
  if (loaded.ok) throw new Error('expected a problem');

  it('should hold the one finding and a course checker that cannot read the report either', () => {
    expect(unreadableResult(loaded, { edition: '2024' })).toEqual({
      path: PATH,
      edition: null,
      editionSource: 'given',
      diagnostics: [loaded.diagnostic],
      questions: [],
      courseChecker: { outcome: 'crash', failures: [], reason: loaded.diagnostic.message },
    });
  });

  it('should name no edition, detected or given: nothing was read to check against one', () => {
    expect(unreadableResult(loaded, { edition: 'auto' })).toMatchObject({
      edition: null,
      editionSource: 'detected',
    });
  });
});
