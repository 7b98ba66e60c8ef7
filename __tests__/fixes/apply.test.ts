import type { Fix } from '../../src/diagnostic.js';
import { applyFixes } from '../../src/fixes/apply.js';
import { indexLines } from '../../src/fixes/line-index.js';

const fix = (description: string, ...edits: [number, number, number, number, string][]): Fix => ({
  description,
  edits: edits.map(([line, column, endLine, endColumn, text]) => ({
    line,
    column,
    endLine,
    endColumn,
    text,
  })),
});

describe('applyFixes', () => {
  const text = 'one two\n--- three ---\nfour\n';

  it('should apply every fix that overlaps no other, all at once', () => {
    const out = applyFixes(text, [
      fix('markers', [2, 1, 2, 5, ''], [2, 10, 2, 14, '']),
      fix('insert', [3, 1, 3, 1, '\n']),
    ]);
    expect(out.text).toBe('one two\nthree\n\nfour\n');
    expect(out.applied.map((f) => f.description)).toEqual(['markers', 'insert']);
    expect(out.skipped).toEqual([]);
  });

  it('should leave out both of two overlapping fixes, so that the order given does not matter', () => {
    const a = fix('a', [1, 1, 1, 4, 'ONE']);
    const b = fix('b', [1, 3, 1, 8, 'X']);
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const out = applyFixes(text, order);
      expect(out.text).toBe(text);
      expect(out.skipped.map((s) => s.reason)).toEqual(['overlap', 'overlap']);
    }
  });

  it('should treat two insertions at one point as overlapping, and touching ranges as not', () => {
    expect(applyFixes(text, [fix('a', [3, 1, 3, 1, 'x']), fix('b', [3, 1, 3, 1, 'y'])]).text).toBe(text);
    expect(applyFixes(text, [fix('a', [1, 1, 1, 4, '1']), fix('b', [1, 4, 1, 8, '2'])]).text).toBe(
      '12\n--- three ---\nfour\n',
    );
  });

  it('should apply a fix that two findings share once and count it applied for both', () => {
    const a = fix('a', [1, 1, 1, 5, '']);
    const b = fix('b', [1, 1, 1, 5, '']);
    const out = applyFixes(text, [a, b]);
    expect(out.text).toBe('two\n--- three ---\nfour\n');
    expect(out.applied).toEqual([a, b]);
  });

  it('should skip a fix whose range lies outside the text or runs backwards', () => {
    const out = applyFixes(text, [fix('far', [9, 1, 9, 2, '']), fix('back', [1, 5, 1, 2, '']), fix('empty')]);
    expect(out.text).toBe(text);
    expect(out.skipped.map((s) => s.reason)).toEqual(['invalid-range', 'invalid-range', 'invalid-range']);
  });

  it('should delete the last line with its line end (an edit may end on the empty line after it)', () => {
    expect(applyFixes(text, [fix('last', [3, 1, 4, 1, ''])]).text).toBe('one two\n--- three ---\n');
  });
});

describe('indexLines', () => {
  it('should map lines and columns to offsets and back, refusing columns past a line end', () => {
    const lines = indexLines('ab\ncd');
    expect(lines.lineCount).toBe(2);
    expect(lines.offsetOf(2, 3)).toBe(5);
    expect(lines.offsetOf(1, 4)).toBeNull();
    expect(lines.offsetOf(0, 1)).toBeNull();
    expect(lines.lineOf(3)).toBe(2);
    expect(lines.lineText(2)).toBe('cd');
  });
});
