import type { Fix, TextEdit } from '../../src/diagnostic.js';
import { indexLines } from '../../src/fixes/line-index.js';
import { marker, readMarker } from '../../src/review/marker.js';
import { MAX_BODY_CHARS, renderInlineComment } from '../../src/review/render.js';
import { suggestable, suggestFix, suggestionText } from '../../src/review/suggestion.js';
import { diag } from '../support/results.js';

const TEXT = ['intro', '--- my answer here ---', '', 'Text above', '---', 'last line', ''].join('\n');
const lines = indexLines(TEXT);
const HUNK = { start: 1, end: 6 };

const fix = (...edits: TextEdit[]): Fix => ({ description: 'd', edits });
const edit = (line: number, column: number, endLine: number, endColumn: number, text = ''): TextEdit => ({
  line,
  column,
  endLine,
  endColumn,
  text,
});

describe('suggestFix', () => {
  it("should replace exactly the commented line with the student's text, markers gone", () => {
    const markers = fix(edit(2, 1, 2, 5), edit(2, 19, 2, 23));
    expect(suggestFix(markers, lines, { startLine: null, line: 2 }, HUNK)).toEqual({
      startLine: null,
      line: 2,
      text: 'my answer here',
    });
  });

  it('should widen the comment to every line the fix edits, as a multi-line range', () => {
    // A setext finding on lines 4-5 commented on 5 only; the fix inserts an empty line before line 5.
    const blank = fix(edit(5, 1, 5, 1, '\n'));
    expect(suggestFix(blank, lines, { startLine: 3, line: 4 }, HUNK)).toEqual({
      startLine: 3,
      line: 5,
      text: '\nText above\n\n---',
    });
  });

  it('should delete whole lines with an empty suggestion', () => {
    // Line 2 with its line end, and the empty line 3 with its own.
    const remove = fix(edit(2, 1, 4, 1));
    expect(suggestFix(remove, lines, { startLine: null, line: 2 }, HUNK)).toEqual({
      startLine: 2,
      line: 3,
      text: '',
    });
  });

  it('should offer nothing when the fix reaches outside the hunk', () => {
    const markers = fix(edit(2, 1, 2, 5));
    expect(suggestFix(markers, lines, { startLine: null, line: 2 }, { start: 3, end: 6 })).toBeNull();
    const spread = fix(edit(2, 1, 2, 5), edit(6, 1, 6, 2));
    expect(suggestFix(spread, lines, { startLine: null, line: 2 }, { start: 1, end: 5 })).toBeNull();
  });

  it('should offer nothing for an edit that joins a line to the next (no whole lines left)', () => {
    const join = fix(edit(4, 11, 5, 1, ' '));
    expect(suggestFix(join, lines, { startLine: null, line: 4 }, HUNK)).toBeNull();
  });

  it('should offer nothing for edits outside the text', () => {
    expect(suggestFix(fix(edit(2, 90, 2, 95)), lines, { startLine: null, line: 2 }, HUNK)).toBeNull();
    expect(suggestFix(fix(), lines, { startLine: null, line: 2 }, HUNK)).toBeNull();
  });

  it('should offer nothing when the new lines hold what neutralise would change', () => {
    const quoted = indexLines('--- see @dana and **this** ---\n');
    const markers = fix(edit(1, 1, 1, 5), edit(1, 27, 1, 31));
    expect(suggestFix(markers, quoted, { startLine: null, line: 1 }, { start: 1, end: 1 })).toBeNull();
  });
});

describe('suggestable', () => {
  it.each([
    ['a fence that would close the block', 'text ``` more'],
    ['a tilde fence', '~~~'],
    ['a marker of ours', marker('finding', { fp: 'x' })],
    ['a mention', 'ask @dana'],
    ['HTML', '<img src=x>'],
    ['a link', '[here](https://example.com)'],
    ['emphasis', 'a *word*'],
    ['a backslash', 'Answer\\:'],
    ['a tab', 'a\tb'],
    ['a bidi override', 'abc\u202edef'],
    ['a byte-order mark', '\ufeffintro'],
    ['a carriage return', 'a\rb'],
  ])('should refuse %s', (_what, text) => {
    expect(suggestable(text)).toBe(false);
  });

  it('should accept plain prose on several lines, a rule and an empty line', () => {
    expect(suggestable('We used Cloud Run, GCS and DVC.\n\n---\nfile_name.png is ours')).toBe(true);
  });

  it('should refuse a suggestion too long for a comment body', () => {
    expect(suggestable('word '.repeat(5_000))).toBe(false);
  });
});

describe('suggestionText', () => {
  const bytes = (text: string) => ({ path: 'r.md', bytes: new TextEncoder().encode(text) });

  it('should index a UTF-8 report with \\n line ends', () => {
    expect(suggestionText(bytes('a\nb\n'))?.lineText(2)).toBe('b');
  });

  it('should refuse \\r line ends, invalid UTF-8 and a report that was not read', () => {
    expect(suggestionText(bytes('a\r\nb\r\n'))).toBeNull();
    expect(suggestionText({ path: 'r.md', bytes: new Uint8Array([0x61, 0xff, 0x0a]) })).toBeNull();
    expect(suggestionText({ path: 'r.md', problem: { kind: 'deleted' } })).toBeNull();
  });
});

describe('renderInlineComment with a suggestion', () => {
  it('should put the block before the marker, and leave it out whole when the body would be too long', () => {
    const body = renderInlineComment(diag({ fingerprint: 'k' }), 'k', 'my answer');
    expect(body).toContain('\n\n```suggestion\nmy answer\n```\n\n');
    expect(readMarker(body)).toEqual({ kind: 'finding', fields: { fp: 'k' } });
    const long = renderInlineComment(diag({ note: 'n'.repeat(60_000) }), 'k', 'x'.repeat(19_000));
    expect(long).not.toContain('```suggestion');
    expect(long.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(readMarker(long)).toEqual({ kind: 'finding', fields: { fp: 'k' } });
  });
});
