import { keyDiagnostics, planResolutions, planReview } from '../../src/review/plan.js';
import { diag } from '../support/results.js';

const HUNKS = [{ start: 1, end: 10 }];

describe('keyDiagnostics', () => {
  it('should use the fingerprint and make repeats unique', () => {
    const a = diag({ fingerprint: 'f' });
    const keys = keyDiagnostics([a, { ...a, line: 5 }, diag({ fingerprint: 'g' })]).map((k) => k.key);
    expect(keys).toEqual(['f', 'f~2', 'g']);
  });
});

describe('planReview', () => {
  it('should put findings on diff lines inline and the others in the body', () => {
    const plan = planReview({
      diagnostics: [diag({ line: 3, fingerprint: 'in' }), diag({ line: 30, fingerprint: 'out' })],
      hunks: HUNKS,
      postedInline: new Set(),
      postedInBody: new Set(),
    });
    expect(plan.inline.map((c) => [c.key, c.line, c.startLine])).toEqual([['in', 3, null]]);
    expect(plan.body.map((b) => b.key)).toEqual(['out']);
  });

  it('should not post again what an earlier run posted', () => {
    const plan = planReview({
      diagnostics: [diag({ line: 3, fingerprint: 'in' }), diag({ line: 30, fingerprint: 'out' })],
      hunks: HUNKS,
      postedInline: new Set(['in']),
      postedInBody: new Set(['out']),
    });
    expect(plan.inline).toEqual([]);
    expect(plan.body).toEqual([]);
    expect(plan.alreadyPosted.map((k) => k.key).sort()).toEqual(['in', 'out']);
  });

  it('should not post inline again a finding on a diff line that an earlier review body listed', () => {
    // Run 1 listed it in the body (past the inline cap, or after a 422 fallback): a rerun must not repeat it.
    const plan = planReview({
      diagnostics: [diag({ line: 3, fingerprint: 'x' }), diag({ line: 4, fingerprint: 'y' })],
      hunks: HUNKS,
      postedInline: new Set(),
      postedInBody: new Set(['x']),
    });
    expect(plan.inline.map((c) => c.key)).toEqual(['y']);
    expect(plan.body).toEqual([]);
    expect(plan.alreadyPosted.map((k) => k.key)).toEqual(['x']);
  });

  it('should post nothing on a rerun after 30 inline + 5 body findings on diff lines', () => {
    const diagnostics = Array.from({ length: 35 }, (_, i) =>
      diag({ line: (i % 10) + 1, fingerprint: `f${i}` }),
    );
    const first = planReview({ diagnostics, hunks: HUNKS, postedInline: new Set(), postedInBody: new Set() });
    expect([first.inline.length, first.body.length]).toEqual([30, 5]);
    const rerun = planReview({
      diagnostics,
      hunks: HUNKS,
      postedInline: new Set(first.inline.map((c) => c.key)),
      postedInBody: new Set(first.body.map((c) => c.key)),
    });
    expect(rerun.inline).toEqual([]);
    expect(rerun.body).toEqual([]);
    expect(rerun.alreadyPosted).toHaveLength(35);
  });

  it('should cap inline comments, most severe first, and move the rest to the body', () => {
    const diagnostics = [
      ...Array.from({ length: 5 }, (_, i) => diag({ line: i + 1, severity: 'notice', fingerprint: `n${i}` })),
      diag({ line: 9, severity: 'error', fingerprint: 'e' }),
    ];
    const plan = planReview({
      diagnostics,
      hunks: HUNKS,
      postedInline: new Set(),
      postedInBody: new Set(),
      maxInline: 3,
    });
    expect(plan.inline.map((c) => c.key)).toEqual(['e', 'n0', 'n1']);
    expect(plan.body.map((c) => c.key)).toEqual(['n2', 'n3', 'n4']);
  });

  it('should never drop a finding', () => {
    const diagnostics = Array.from({ length: 80 }, (_, i) =>
      diag({ line: (i % 20) + 1, fingerprint: `f${i % 50}`, severity: i % 3 ? 'warning' : 'error' }),
    );
    const plan = planReview({
      diagnostics,
      hunks: HUNKS,
      postedInline: new Set(['f1', 'f2~2']),
      postedInBody: new Set(['f30']),
    });
    expect(plan.inline.length + plan.body.length + plan.alreadyPosted.length).toBe(80);
    expect(plan.inline.length).toBeLessThanOrEqual(30);
  });

  it('should put every finding in the body when the file has no patch', () => {
    const plan = planReview({
      diagnostics: [diag()],
      hunks: [],
      postedInline: new Set(),
      postedInBody: new Set(),
    });
    expect(plan.body).toHaveLength(1);
  });
});

describe('planResolutions', () => {
  it('should resolve our open threads whose finding is gone, unless someone else replied', () => {
    const ids = planResolutions(
      [
        { id: 'fixed', key: 'a', isResolved: false, hasOtherAuthors: false },
        { id: 'still', key: 'b', isResolved: false, hasOtherAuthors: false },
        { id: 'discussed', key: 'c', isResolved: false, hasOtherAuthors: true },
        { id: 'done', key: 'd', isResolved: true, hasOtherAuthors: false },
      ],
      new Set(['b']),
    );
    expect(ids).toEqual(['fixed']);
  });
});
