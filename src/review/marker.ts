/**
 * The marker protocol: every body report-check posts ends with a hidden HTML comment naming what it is, so that a
 * later run can find its own comments (with the author check in reconcile.ts) without storing anything.
 */

/** What a hidden marker says: its kind (`finding`, `review`, `summary`) and `key=value` fields. */
export interface Marker {
  kind: string;
  fields: Record<string, string>;
}

const MARKER_PREFIX = 'report-check';

/** A hidden HTML comment that identifies what report-check posted; values must not contain spaces or `-->`. */
export function marker(kind: string, fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${v.replace(/[\s>]/g, '_')}`);
  return `<!-- ${MARKER_PREFIX}:${kind}${parts.length ? ` ${parts.join(' ')}` : ''} -->`;
}

const MARKER_LINE = /^<!-- report-check:([a-z-]+)((?: [a-z]+=[^\s>]*)*) -->$/;

/** The marker when `line` is exactly one of ours, else null. */
function markerOnLine(line: string | undefined): Marker | null {
  const m = MARKER_LINE.exec((line ?? '').trim());
  if (!m) return null;
  const fields: Record<string, string> = {};
  for (const pair of (m[2] ?? '').trim().split(' ')) {
    const eq = pair.indexOf('=');
    if (eq > 0) fields[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { kind: m[1] ?? '', fields };
}

/**
 * The marker of a body report-check posted: only a marker that is the whole last line counts (every body we post
 * ends with its marker). A marker anywhere else, e.g. echoed from the student's report, is ignored.
 */
export function readMarker(body: string): Marker | null {
  const lines = body.trimEnd().split(/\r?\n/);
  return markerOnLine(lines[lines.length - 1]);
}

/**
 * Whether `body` is the summary comment for `path`: its marker on the last line, or (summaries posted before the
 * marker moved to the end) as the whole first line, which no echoed text can precede.
 */
export function isSummaryFor(body: string, path: string): boolean {
  const want = marker('summary', { path });
  const m = readMarker(body);
  // Other fields (the pull request facts of the run that wrote it) do not change whose summary it is.
  if (m) return m.kind === 'summary' && marker('summary', { path: m.fields.path ?? '' }) === want;
  return body.split(/\r?\n/, 1)[0]?.trim() === want;
}

/**
 * A finding key in at most 7 characters (32-bit FNV-1a, base 36), for the findings a review body had no room
 * for: a marker holds thousands of them where it holds a few hundred keys.
 */
export function shortKey(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

/**
 * The {@link shortKey}s of the findings a review at `headSha` had no room to list (`more` in its marker): an
 * unchanged rerun does not post them in another review. After a push they are posted again, in that run's review.
 */
export function pendingKeys(body: string, headSha: string): string[] {
  const m = readMarker(body);
  if (m?.kind !== 'review' || m.fields.sha !== headSha.slice(0, 12)) return [];
  return (m.fields.more ?? '').split(',').filter(Boolean);
}

/** The finding keys a review body's marker lists (findings shown in that body, not to be listed again). */
export function listedKeys(body: string): string[] {
  const m = readMarker(body);
  return m?.kind === 'review' ? (m.fields.listed ?? '').split(',').filter(Boolean) : [];
}

/** The finding key of an inline comment's marker, or null when the body is not one of our finding comments. */
export function findingKey(body: string): string | null {
  const m = readMarker(body);
  return (m?.kind === 'finding' && m.fields.fp) || null;
}

/** One line range of the report's patch that can take a comment (a hunk's new-file lines), inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * What a summary's run learned from the pull request's files: the head and base it read them at, and the report's
 * hunks there. A file list is a function of those two commits, so a later run at both may take it from here.
 */
export interface PullFacts {
  headSha: string;
  baseSha: string;
  hunks: LineRange[];
}

/** Beyond this many hunks the marker leaves the facts out (a rerun then reads the files again). */
const MAX_FACT_HUNKS = 200;
// A commit id (SHA-1 or SHA-256 hex; any plain word of letters and digits, so that nothing else rides in).
const SHA = /^[0-9a-z]{4,64}$/i;

/** The marker fields for `facts`, or none when they would not fit. */
export function factFields(facts: PullFacts | null | undefined): Record<string, string> {
  if (!facts || facts.hunks.length > MAX_FACT_HUNKS) return {};
  if (!SHA.test(facts.headSha) || !SHA.test(facts.baseSha)) return {};
  const hunks = facts.hunks.map((h) => `${h.start}-${h.end}`).join('.');
  return { head: facts.headSha, base: facts.baseSha, hunks };
}

/** The facts a summary's marker carries, or null when it has none (or they are not well formed). */
export function readFacts(body: string): PullFacts | null {
  const fields = readMarker(body)?.fields;
  if (!fields || fields.hunks === undefined) return null;
  const { head = '', base = '' } = fields;
  if (!SHA.test(head) || !SHA.test(base)) return null;
  const hunks: LineRange[] = [];
  for (const part of fields.hunks === '' ? [] : fields.hunks.split('.')) {
    const m = /^([1-9]\d{0,8})-([1-9]\d{0,8})$/.exec(part);
    if (!m) return null;
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (end < start) return null;
    hunks.push({ start, end });
  }
  return hunks.length > MAX_FACT_HUNKS ? null : { headSha: head, baseSha: base, hunks };
}
