import { decodeReport, MAX_REPORT_BYTES } from '../../src/parse/decode.js';
import { RunError } from '../../src/errors.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeReport', () => {
  it('should refuse a binary file with a message naming the file and the NUL byte', () => {
    expect(() => decodeReport(new Uint8Array([0x61, 0x00, 0x62]), 'reports/README.md')).toThrow(
      new RunError('reports/README.md: binary file (NUL byte at offset 1), not a markdown report'),
    );
  });

  it('should refuse a file over 1 MiB', () => {
    expect(() => decodeReport(new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x61), 'big.md')).toThrow(
      /big\.md: too large \(1048577 bytes; the limit is 1 MiB\)/,
    );
  });

  it('should keep checking text with invalid UTF-8 and name the lines that hold it', () => {
    const content = new Uint8Array([...bytes('ok\r\nbad '), 0xff, 0xfe, ...bytes('\nfine\n')]);
    const decoded = decodeReport(content, 'r.md');
    expect(decoded.invalidUtf8Lines).toEqual([2]);
    expect(decoded.text).toBe('ok\nbad \ufffd\ufffd\nfine\n');
  });

  it('should keep a byte-order mark, as the course checker does', () => {
    expect(decodeReport(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'r.md').text).toBe('\ufeffa');
  });
});
