import { anchorRange, findHunk, parsePatch } from '../../src/review/patch.js';

const PATCH = [
  '@@ -1,4 +1,5 @@ # Report',
  ' line one',
  '-old two',
  '+new two',
  '+added three',
  ' line four',
  ' line five',
  '@@ -20,3 +21,2 @@ ## Question 5',
  ' context',
  '-removed',
  ' context',
].join('\n');

describe('parsePatch', () => {
  it('should return the RIGHT-side line range of every hunk', () => {
    expect(parsePatch(PATCH)).toEqual([
      { start: 1, end: 5 },
      { start: 21, end: 22 },
    ]);
  });

  it('should return no hunks for a missing patch', () => {
    expect(parsePatch(undefined)).toEqual([]);
    expect(parsePatch(null)).toEqual([]);
    expect(parsePatch('')).toEqual([]);
  });

  it('should read a header without a count as one line', () => {
    expect(parsePatch('@@ -3 +3 @@\n-a\n+b')).toEqual([{ start: 3, end: 3 }]);
  });

  it('should skip a hunk that shows no new-file line', () => {
    expect(parsePatch('@@ -3,2 +2,0 @@\n-a\n-b')).toEqual([]);
  });

  it('should read a new file as one hunk over all its lines', () => {
    expect(parsePatch('@@ -0,0 +1,3 @@\n+a\n+b\n+c')).toEqual([{ start: 1, end: 3 }]);
  });

  it('should not treat hunk-like text inside a line as a header', () => {
    expect(parsePatch('@@ -1,2 +1,2 @@\n+ @@ -9,9 +9,9 @@\n context')).toEqual([{ start: 1, end: 2 }]);
  });
});

describe('findHunk', () => {
  it('should find the hunk holding a line and nothing for lines outside the diff', () => {
    const hunks = parsePatch(PATCH);
    expect(findHunk(hunks, 3)).toEqual({ start: 1, end: 5 });
    expect(findHunk(hunks, 22)).toEqual({ start: 21, end: 22 });
    expect(findHunk(hunks, 10)).toBeUndefined();
  });
});

describe('anchorRange', () => {
  const hunks = parsePatch(PATCH);

  it('should anchor a one-line finding on its line', () => {
    expect(anchorRange(hunks, 2, 2)).toEqual({ startLine: null, line: 2 });
  });

  it('should keep a range inside one hunk', () => {
    expect(anchorRange(hunks, 2, 4)).toEqual({ startLine: 2, line: 4 });
  });

  it('should clip a range that leaves its hunk to the hunk', () => {
    expect(anchorRange(hunks, 4, 30)).toEqual({ startLine: 4, line: 5 });
    expect(anchorRange(hunks, 15, 21)).toEqual({ startLine: null, line: 21 });
  });

  it('should return null when no line of the finding is in the diff', () => {
    expect(anchorRange(hunks, 8, 12)).toBeNull();
    expect(anchorRange([], 1, 1)).toBeNull();
  });
});
