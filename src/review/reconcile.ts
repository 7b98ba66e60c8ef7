import type { IssueComment, PullRequestState } from '../github/port.js';
import { findingKey, isSummaryFor, listedKeys, pendingKeys } from './marker.js';

/** One of our earlier inline threads, with the finding key of its marker. */
export interface OwnThread {
  id: string;
  key: string;
  isResolved: boolean;
  /** The rule our first comment names (its `**Error** [`rule`](…)` opening), or null. */
  ruleId: string | null;
  /** The commented line is no longer part of the diff: the finding may be commented inline again. */
  isOutdated: boolean;
  /** True when anyone other than us commented in the thread: then it is left alone. */
  hasOtherAuthors: boolean;
}

/** The finding keys already posted on the pull request: on current inline threads, and listed in review bodies. */
export interface PostedKeys {
  postedInline: ReadonlySet<string>;
  postedInBody: ReadonlySet<string>;
  /** Short keys of findings a review at the current head had no room for (see pendingKeys in marker.ts). */
  pendingAtHead: ReadonlySet<string>;
}

/**
 * Our summary comments for `path`, oldest first: written by the token's user, with our marker on its last line.
 * There should be one; two runs at once (no concurrency group) or an older version can leave more.
 */
export function ownSummaries(state: PullRequestState, path: string): IssueComment[] {
  return state.issueComments.filter((c) => c.mine && isSummaryFor(c.body, path));
}

/** How renderInlineComment opens: the severity in bold, then the rule id as a code-span link. */
const RULE_OPENING = /^\*\*[^*\n]{1,40}\*\* \[`([a-z0-9-]{1,80})`\]\(/;

/** Our inline threads on `path`, with the finding key of their marker. */
export function ownThreads(state: PullRequestState, path: string): OwnThread[] {
  // Ours: written by the token's user AND with our marker as the last line (a student can paste a marker too).
  return state.threads.flatMap((thread) => {
    const first = thread.comments[0];
    if (thread.path !== path || !first?.mine) return [];
    const key = findingKey(first.body);
    if (!key) return [];
    const hasOtherAuthors =
      thread.commentCount > thread.comments.length || thread.comments.some((c) => !c.mine);
    return [
      {
        id: thread.id,
        key,
        ruleId: RULE_OPENING.exec(first.body)?.[1] ?? null,
        isResolved: thread.isResolved,
        isOutdated: thread.isOutdated,
        hasOtherAuthors,
      },
    ];
  });
}

/** What earlier runs posted: keys with a current (not outdated) thread of ours, and keys our reviews listed. */
export function postedKeys(state: PullRequestState, path: string, headSha: string): PostedKeys {
  const inline = new Set(
    ownThreads(state, path)
      .filter((t) => !t.isOutdated)
      .map((t) => t.key),
  );
  const mine = state.reviews.filter((r) => r.mine);
  const inBody = new Set(mine.flatMap((r) => listedKeys(r.body)));
  const pendingAtHead = new Set(mine.flatMap((r) => pendingKeys(r.body, headSha)));
  return { postedInline: inline, postedInBody: inBody, pendingAtHead };
}
