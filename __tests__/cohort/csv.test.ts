import { parseCsv } from '../../src/cohort/csv.js';

describe('parseCsv', () => {
  it('should read quoted cells with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,2,3,4')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('should take the delimiter a spreadsheet exported with: semicolons or tabs', () => {
    expect(parseCsv('\ufeffgroup;repo\n1;https://github.com/o/r\n')).toEqual([
      ['group', 'repo'],
      ['1', 'https://github.com/o/r'],
    ]);
    expect(parseCsv('a\tb\n')).toEqual([['a', 'b']]);
  });

  it('should read 100,000 rows in linear time', () => {
    const text = 'g,https://github.com/o/r\n'.repeat(100_000);
    const start = process.hrtime.bigint();
    expect(parseCsv(text)).toHaveLength(100_000);
    // Generous: a quadratic parser takes minutes here.
    expect(Number(process.hrtime.bigint() - start) / 1e9).toBeLessThan(5);
  });
});
