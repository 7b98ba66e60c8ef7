import { decodeReport, MAX_REPORT_BYTES } from '../../src/parse/decode.js';
import { RunError } from '../../src/errors.js';
import fc from 'fast-check';

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

  it('should name exactly the lines a fatal TextDecoder refuses, and decode as a lenient one does', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const refuses = (line: Uint8Array): boolean => {
      try {
        fatal.decode(line);
        return false;
      } catch {
        return true;
      }
    };
    // Bytes around every boundary of UTF-8's well-formed ranges (overlongs, surrogates, beyond U+10FFFF, cut).
    const byte = fc.oneof(
      fc.constantFrom(0x0a, 0x0d, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf),
      fc.constantFrom(0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfe, 0xff),
      fc.integer({ min: 1, max: 255 }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 60 }), (values) => {
        const content = new Uint8Array(values);
        const expected: number[] = [];
        let line = 1;
        let start = 0;
        for (let i = 0; i <= content.length; i++) {
          const end = i === content.length || content[i] === 0x0a || content[i] === 0x0d;
          if (!end) continue;
          if (refuses(content.subarray(start, i))) expected.push(line);
          if (content[i] === 0x0d && content[i + 1] === 0x0a) i++;
          line++;
          start = i + 1;
        }
        const decoded = decodeReport(content, 'r.md');
        expect(decoded.invalidUtf8Lines).toEqual(expected);
        const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(content);
        expect(decoded.text).toBe(lenient.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 2000 },
    );
  });

  it('should decode valid UTF-8 as TextDecoder does, from a Buffer or from a view into a larger buffer', () => {
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
    // Any text: ASCII, accents, astral characters, lone surrogates (encoded as U+FFFD), and every line end.
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom('\r\n', '\r', '\n', '\ufeff', '\u2028', '\ufffd'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), fc.nat(7), (pieces, bom, offset) => {
        // Without NUL, which makes the file binary.
        const encoded = bytes((bom ? '\ufeff' : '') + pieces.join('').replace(/\0/g, ''));
        const padded = new Uint8Array(offset + encoded.length + 3).fill(0xff);
        padded.set(encoded, offset);
        const view = padded.subarray(offset, offset + encoded.length);
        const expected = lenient.decode(encoded).replace(/\r\n?/g, '\n');
        for (const content of [view, Buffer.from(encoded)]) {
          const decoded = decodeReport(content, 'r.md');
          expect(decoded.text).toBe(expected);
          expect(decoded.invalidUtf8Lines).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
