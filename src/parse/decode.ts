import { isUtf8 } from 'node:buffer';
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

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

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
  // Valid bytes decode the same with or without `fatal`: one decoder, decoding once.
  const text = normaliseNewlines(decoder.decode(content));
  return { text, invalidUtf8Lines: isValidUtf8(content) ? [] : findInvalidLines(content) };
}
