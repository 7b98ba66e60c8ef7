import { Buffer, isUtf8 } from 'node:buffer';
import { RunError } from '../errors.js';
import { bytesProblem, MAX_REPORT_BYTES, problemReason } from '../source/problems.js';
import { normaliseNewlines } from './course-checker.js';

export { MAX_REPORT_BYTES };

/** A report's text, ready for parsing. */
export interface DecodedReport {
  /** The text with `\r\n` and lone `\r` turned into `\n` (line numbers are unchanged by this). */
  text: string;
  /** 1-based lines holding bytes that are not valid UTF-8 (replaced by U+FFFD in `text`). */
  invalidUtf8Lines: number[];
}

/** For bytes that are not all valid UTF-8 only (made on first use: the rest never need it). */
let decoder: TextDecoder | undefined;

/**
 * Whether `bytes` are well-formed UTF-8, as a fatal TextDecoder would accept them (no overlong forms, surrogates,
 * code points over U+10FFFF or cut sequences), checked natively without making the string: a fatal decode made it
 * and threw it away before the text was decoded again.
 */
function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** Lines (counting `\n`, `\r\n` and lone `\r` as line ends, as the parsers do) whose bytes are not valid UTF-8. */
function findInvalidLines(bytes: Uint8Array): number[] {
  const lines: number[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const byte = i < bytes.length ? bytes[i] : 0x0a;
    if (byte !== 0x0a && byte !== 0x0d) continue;
    if (!isValidUtf8(bytes.subarray(start, i))) lines.push(line);
    if (byte === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return lines;
}

/**
 * Turns a report's bytes into text. Refuses (with a {@link RunError} naming `path`) what cannot be a report: a
 * file over {@link MAX_REPORT_BYTES} or with a NUL byte. Invalid UTF-8 is kept as U+FFFD and reported by line,
 * so that the rest of the report is still checked. A byte-order mark is kept, as the course checker keeps it.
 */
export function decodeReport(content: Uint8Array | string, path: string): DecodedReport {
  if (typeof content === 'string') return { text: normaliseNewlines(content), invalidUtf8Lines: [] };
  // The edges turn these into findings or "could not run" before calling the engine (src/source/); this guard
  // keeps the engine's own promise for a caller that did not.
  // The same words as the CLI's "could not run" line and the action's finding (problemReason).
  const problem = bytesProblem(content);
  if (problem) throw new RunError(`${path}: ${problemReason(problem)}`);
  if (isValidUtf8(content)) {
    // Valid UTF-8 has one decoding, a byte-order mark included: node's own decoder makes TextDecoder's string
    // (about a tenth sooner on Node 20).
    const bytes = Buffer.isBuffer(content)
      ? content
      : Buffer.from(content.buffer, content.byteOffset, content.length);
    return { text: normaliseNewlines(bytes.toString('utf8')), invalidUtf8Lines: [] };
  }
  decoder ??= new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  return { text: normaliseNewlines(decoder.decode(content)), invalidUtf8Lines: findInvalidLines(content) };
}
