import type { Fix, TextEdit } from '../diagnostic.js';
import { indexLines } from './line-index.js';

/** Why a fix was left out. */
export type SkipReason = 'overlap' | 'invalid-range';

/** What {@link applyFixes} did: the new text, the fixes it applied and those it left out (with why). */
export interface Applied<F extends Fix> {
  text: string;
  applied: F[];
  skipped: { fix: F; reason: SkipReason }[];
}

interface Span {
  start: number;
  end: number;
  text: string;
  owner: number;
}

/** Two fixes with the same edits are one fix (two findings on one line may share it). */
function editsKey(edits: readonly TextEdit[]): string {
  return edits.map((e) => `${e.line}:${e.column}:${e.endLine}:${e.endColumn}:${e.text}`).join('\u0000');
}

/**
 * Applies every fix whose edits overlap no other fix's edits, all at once, to the text they were computed on.
 * Overlapping fixes are all left out, whichever came first: keeping one would make the result depend on the
 * order, and a second run would then apply the other one (fixing twice must give the text of fixing once).
 * Linear after one sort of the edits.
 */
export function applyFixes<F extends Fix>(text: string, fixes: readonly F[]): Applied<F> {
  const lines = indexLines(text);
  const skipped: Applied<F>['skipped'] = [];
  const unique: F[] = [];
  // Which unique fix each fix given is (or -1 when its ranges are invalid).
  const twin: number[] = [];
  const seen = new Map<string, number>();
  const spans: Span[] = [];
  for (const fix of fixes) {
    const key = editsKey(fix.edits);
    const known = seen.get(key);
    if (known !== undefined) {
      twin.push(known);
      continue;
    }
    const own: Span[] = [];
    for (const edit of fix.edits) {
      const start = lines.offsetOf(edit.line, edit.column);
      const end = lines.offsetOf(edit.endLine, edit.endColumn);
      if (start === null || end === null || end < start) break;
      own.push({ start, end, text: edit.text, owner: unique.length });
    }
    if (own.length !== fix.edits.length || own.length === 0) {
      twin.push(-1);
      continue;
    }
    seen.set(key, unique.length);
    twin.push(unique.length);
    unique.push(fix);
    for (const span of own) spans.push(span);
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const conflicted = markConflicts(spans, unique.length);
  const out = splice(text, spans, conflicted);
  const applied: F[] = [];
  fixes.forEach((fix, i) => {
    const u = twin[i] ?? -1;
    if (u === -1) skipped.push({ fix, reason: 'invalid-range' });
    else if (conflicted[u]) skipped.push({ fix, reason: 'overlap' });
    else applied.push(fix);
  });
  return { text: out, applied, skipped };
}

/** Marks (1) each fix with an edit that overlaps another fix's edit; `spans` sorted by start, then end. */
function markConflicts(spans: readonly Span[], fixCount: number): Uint8Array {
  const conflicted = new Uint8Array(fixCount);
  let reach: Span | null = null;
  let previous: Span | null = null;
  for (const span of spans) {
    const overlaps = (other: Span | null): other is Span =>
      other !== null &&
      (span.start < other.end ||
        // Two edits at one point (an insertion among them) have no order that both could rely on.
        (span.start === other.start && (span.start === span.end || other.start === other.end)));
    for (const other of [reach, previous]) {
      if (overlaps(other)) conflicted[span.owner] = conflicted[other.owner] = 1;
    }
    if (reach === null || span.end > reach.end) reach = span;
    previous = span;
  }
  return conflicted;
}

/** The text with the edits of every fix not marked conflicted applied, in one pass. */
function splice(text: string, spans: readonly Span[], conflicted: Uint8Array): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (conflicted[span.owner]) continue;
    out += text.slice(at, span.start) + span.text;
    at = span.end;
  }
  return out + text.slice(at);
}
