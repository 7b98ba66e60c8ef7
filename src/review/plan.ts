import { bySeverityThenLine, type Diagnostic } from '../diagnostic.js';
import type { LineIndex } from '../fixes/line-index.js';
import { anchorRange, findHunk, type Hunk } from './patch.js';
import { shortKey } from './marker.js';
import type { OwnThread } from './reconcile.js';
import { suggestFix } from './suggestion.js';

/**
 * At most this many inline comments per review: GitHub's guidance for bots is to keep reviews small (content
 * creation is limited to ~80 requests a minute and large reviews are slow to load); the rest go in the body.
 */
export const MAX_INLINE_COMMENTS = 30;

/** A finding with the key that names it in markers (its fingerprint, made unique within one result). */
export interface KeyedDiagnostic {
  diagnostic: Diagnostic;
  key: string;
}

/** An inline comment to post: on `line` (RIGHT side), over `startLine..line` when `startLine` is set. */
export interface PlannedComment extends KeyedDiagnostic {
  path: string;
  line: number;
  startLine: number | null;
  /** The lines that replace `startLine..line` as a GitHub suggested change (the finding's fix), or null. */
  suggestion: string | null;
}

/** Where each finding of one run goes. Every finding lands in exactly one of the lists. */
export interface ReviewPlan {
  /** New findings on lines of the diff, up to the inline cap. */
  inline: PlannedComment[];
  /** New findings outside the diff or past the cap: listed in the review body. */
  body: KeyedDiagnostic[];
  /** Findings already posted by an earlier run (inline on a current thread, or listed in a review body). */
  alreadyPosted: KeyedDiagnostic[];
}

/** What {@link planReview} needs to know. */
export interface PlanInput {
  diagnostics: readonly Diagnostic[];
  /** Hunks of the report's patch; empty when the file has no patch (no line can take a comment). */
  hunks: readonly Hunk[];
  /** Keys that already have a current (not outdated) inline thread of ours. */
  postedInline: ReadonlySet<string>;
  /** Keys already listed in the body of one of our reviews: not posted again, inline or in a body. */
  postedInBody: ReadonlySet<string>;
  /**
   * Short keys (shortKey in marker.ts) of findings a review at this head had no room to list: on a rerun at the
   * same head, they are not posted in another review. Absent: none.
   */
  pendingAtHead?: ReadonlySet<string>;
  maxInline?: number;
  /** The report's text the fixes were computed on, or null: no suggested changes then. */
  text?: LineIndex | null;
}

/** Gives each finding a key: its fingerprint, with `~2`, `~3`, … added when fingerprints repeat. */
export function keyDiagnostics(diagnostics: readonly Diagnostic[]): KeyedDiagnostic[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const n = (seen.get(diagnostic.fingerprint) ?? 0) + 1;
    seen.set(diagnostic.fingerprint, n);
    return { diagnostic, key: n === 1 ? diagnostic.fingerprint : `${diagnostic.fingerprint}~${n}` };
  });
}

/**
 * Decides where each finding goes: inline on the diff (most severe first, capped), else the review body; a
 * finding posted by an earlier run is not posted again. Never drops a finding: each lands in one list.
 */
export function planReview(input: PlanInput): ReviewPlan {
  const max = input.maxInline ?? MAX_INLINE_COMMENTS;
  const keyed = keyDiagnostics(input.diagnostics).sort((a, b) =>
    bySeverityThenLine(a.diagnostic, b.diagnostic),
  );
  const plan: ReviewPlan = { inline: [], body: [], alreadyPosted: [] };
  for (const item of keyed) {
    const d = item.diagnostic;
    // Posted before, inline or in a review body: never again (a body listing is not "retried" inline on a rerun,
    // which would post a new review every run, e.g. after a 422 fallback put everything in the body).
    if (
      input.postedInline.has(item.key) ||
      input.postedInBody.has(item.key) ||
      input.pendingAtHead?.has(shortKey(item.key))
    ) {
      plan.alreadyPosted.push(item);
      continue;
    }
    const anchor = anchorRange(input.hunks, d.line, d.endLine);
    if (anchor && plan.inline.length < max) {
      const hunk = findHunk(input.hunks, anchor.line);
      const suggested = d.fix && input.text && hunk ? suggestFix(d.fix, input.text, anchor, hunk) : null;
      const at = suggested ?? { ...anchor, text: null };
      plan.inline.push({
        ...item,
        path: d.path,
        line: at.line,
        startLine: at.startLine,
        suggestion: at.text,
      });
    } else {
      plan.body.push(item);
    }
  }
  return plan;
}

/** Our unresolved threads whose finding is gone and that nobody else replied to: resolve them. */
export function planResolutions(
  threads: readonly Pick<OwnThread, 'id' | 'key' | 'isResolved' | 'hasOtherAuthors'>[],
  currentKeys: ReadonlySet<string>,
): string[] {
  return threads
    .filter((t) => !t.isResolved && !t.hasOtherAuthors && !currentKeys.has(t.key))
    .map((t) => t.id);
}

/** Our threads that another thread of the same finding replaces: resolve them, so each finding has one open thread. */
export interface Superseded {
  /** Open threads of findings posted again by this run's review (moved lines): resolved once it is posted. */
  afterReview: string[];
  /** Open threads besides the oldest current one of their finding (duplicates, or left behind by a move). */
  now: string[];
}

/**
 * A finding keeps one open thread. When the student edits a finding's own line, its thread becomes outdated and the
 * finding is posted again at its new line (`reposted`): the old thread is resolved once the new one exists. Threads
 * of a finding that already has a current thread (an earlier move, a duplicate after a lost answer) are resolved
 * now. Threads with other people's replies are left alone, and so is the thread a current finding keeps.
 */
export function planSuperseded(
  threads: readonly OwnThread[],
  current: ReadonlySet<string>,
  reposted: ReadonlySet<string>,
): Superseded {
  const out: Superseded = { afterReview: [], now: [] };
  const open = threads.filter((t) => !t.isResolved && current.has(t.key));
  const kept = new Map<string, string>();
  for (const t of open) if (!t.isOutdated && !kept.has(t.key)) kept.set(t.key, t.id);
  for (const t of open) {
    if (t.hasOtherAuthors) continue;
    if (reposted.has(t.key)) out.afterReview.push(t.id);
    else if (kept.has(t.key) && kept.get(t.key) !== t.id) out.now.push(t.id);
  }
  return out;
}
