import { bySeverityThenLine, type Diagnostic, type Severity } from '../diagnostic.js';
import { editionSentence } from '../output/edition.js';
import { ruleDocsUrl } from '../project.js';
import { plural } from '../plural.js';
import type { CheckResult } from '../result.js';
import { factFields, marker, shortKey, type PullFacts } from './marker.js';
import { codeSpan, neutralise } from './neutralise.js';
import { renderCounts, renderCourseChecker, renderQuestionTable } from './render-tables.js';
import { suggestionBlock } from './suggestion.js';

/** GitHub rejects issue, review and review-comment bodies longer than this ("Body is too long (maximum is 65536 characters)"). */
export const MAX_BODY_CHARS = 65_536;
/** What we aim for, leaving room for the marker and the closing lines. */
const BODY_BUDGET = MAX_BODY_CHARS - 2_000;
/** Findings past the body's room whose short keys its marker keeps (past that, a rerun posts them). */
const MAX_PENDING = 3_000;
/** The job summary is capped at 1 MiB per step (docs: "Adding a job summary"); counted in UTF-8 bytes. */
export const MAX_JOB_SUMMARY_BYTES = 1_000_000;

// ---- findings -------------------------------------------------------------------------------------------------

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '❌ Error',
  warning: '⚠️ Warning',
  notice: 'ℹ️ Notice',
};

/** The rule id as a link to its docs page: all a comment spends on the link. */
function ruleLink(ruleId: string): string {
  return `[${codeSpan(ruleId)}](${ruleDocsUrl(ruleId)})`;
}

function where(d: Diagnostic): string {
  const q = d.question === null ? '' : `Question ${d.question}, `;
  return d.endLine > d.line ? `${q}lines ${d.line}–${d.endLine}` : `${q}line ${d.line}`;
}

/** The body of an inline review comment for one finding (and its suggested change), ending with its marker. */
export function renderInlineComment(d: Diagnostic, key: string, suggestion: string | null = null): string {
  const lines = [`**${SEVERITY_LABEL[d.severity]}** ${ruleLink(d.ruleId)}: ${neutralise(d.message)}`];
  // One line, as in a list item: a line break in the quote could start a list or a heading there.
  if (d.note) lines.push('', `> ${neutralise(d.note.replace(/\r?\n/g, ' '))}`);
  const tail = ['', marker('finding', { fp: key })];
  // The student's own lines as they are (suggestFix offers only text neutralise() leaves alone); whole or not at all.
  const full = suggestion === null ? '' : [...lines, '', suggestionBlock(suggestion), ...tail].join('\n');
  return full && full.length <= MAX_BODY_CHARS ? full : limitBody([...lines, ...tail].join('\n'));
}

/** One finding as a markdown list item (review body, summary comment, job summary). */
export function renderFindingItem(d: Diagnostic): string {
  const note = d.note ? ` — ${neutralise(d.note.replace(/\r?\n/g, ' '))}` : '';
  return `- **${SEVERITY_LABEL[d.severity]}** (${where(d)}) ${ruleLink(d.ruleId)}: ${neutralise(d.message)}${note}`;
}

/** Fits list items into `budget` characters; the ones that do not fit become one "… and N more" line. */
function fitItems(
  items: readonly string[],
  budget: number,
  more: (n: number) => string,
  size?: (text: string) => number,
): string[] {
  const shown = countFitting(items, budget, size);
  const out = items.slice(0, shown);
  if (shown < items.length) out.push(more(items.length - shown));
  return out;
}

/**
 * How many of `items` (one line each) fit in `budget`, measured by `size`: UTF-16 length by default, which is
 * never less than the character count GitHub limits comment bodies by.
 */
function countFitting(
  items: readonly string[],
  budget: number,
  size: (text: string) => number = (text) => text.length,
): number {
  let used = 0;
  for (const [i, item] of items.entries()) {
    used += size(item) + 1;
    if (used > budget) return i;
  }
  return items.length;
}

const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).length;

/** Cuts a body that would still exceed GitHub's limit (a pathological note), keeping its final marker line. */
function limitBody(body: string): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  const tail = body.slice(body.lastIndexOf('\n'));
  return `${body.slice(0, BODY_BUDGET - tail.length)}\n\n… (cut to fit GitHub's limit)\n${tail}`;
}

// ---- review body ----------------------------------------------------------------------------------------------

/** What the review body says, besides its inline comments. */
export interface ReviewBodyInput {
  path: string;
  headSha: string;
  inlineCount: number;
  /** Findings that could not be placed on a diff line (or exceeded the inline cap), new in this review. */
  bodyFindings: readonly { diagnostic: Diagnostic; key: string }[];
}

/** The body of the one review a run posts: findings outside the diff, and a marker listing their keys. */
export function renderReviewBody(input: ReviewBodyInput): string {
  const { bodyFindings } = input;
  const head = [`### report-check: ${codeSpan(input.path)}`, ''];
  if (input.inlineCount > 0) {
    head.push(
      `${plural(input.inlineCount, 'new finding')} on lines of this pull request's diff, commented inline.`,
    );
  }
  if (bodyFindings.length > 0) {
    head.push(
      `${plural(bodyFindings.length, 'new finding')} ${bodyFindings.length === 1 ? 'is' : 'are'} on lines outside the diff (or past the inline limit):`,
      '',
    );
  }
  const rendered = bodyFindings.map((f) => renderFindingItem(f.diagnostic));
  // Each listed finding also costs its key (~18 characters) in the marker, and each finding there is no room
  // for its short key (8), which is reserved for all of them first.
  const pending = Math.min(bodyFindings.length, MAX_PENDING) * 8;
  const shown = countFitting(
    rendered.map((item) => `${item}${' '.repeat(20)}`),
    BODY_BUDGET - 4_000 - pending,
  );
  const items = rendered.slice(0, shown);
  if (shown < rendered.length) {
    items.push(
      `- … and ${plural(rendered.length - shown, 'more finding')}: see the summary comment and the job summary.`,
    );
  }
  // The marker lists the findings shown here so that a rerun does not list them again, and the ones there was
  // no room for, so that a rerun on the same commit does not post them in a review of its own.
  const keys = bodyFindings
    .slice(0, shown)
    .map((f) => f.key)
    .join(',');
  const more = bodyFindings
    .slice(shown, shown + MAX_PENDING)
    .map((f) => shortKey(f.key))
    .join(',');
  const fields = { sha: input.headSha.slice(0, 12), listed: keys, ...(more ? { more } : {}) };
  const tail = ['', marker('review', fields)];
  return limitBody([...head, ...items, ...tail].join('\n'));
}

// ---- summary comment and job summary --------------------------------------------------------------------------

/** What the summary says besides the result: which commit, and how the gate is set. */
export interface SummaryInput {
  result: CheckResult;
  headSha: string | null;
  failOn: Severity | 'never';
  /** A note right under the verdict line (e.g. checks that were skipped). */
  note?: string;
  /** What the run read of the pull request's files, kept in the summary's marker for a rerun on the same commits. */
  facts?: PullFacts | null;
}

function verdict(input: SummaryInput): string {
  const counts = renderCounts(input.result.diagnostics);
  return `**${counts}**${input.headSha ? ` at ${input.headSha.slice(0, 7)}` : ''}.`;
}

/** The heading and verdict line that the summary comment and the job summary both open with. */
function summaryHead(input: SummaryInput): string[] {
  const { result } = input;
  return [
    `## report-check: ${codeSpan(result.path)}`,
    '',
    `${verdict(input)} ${renderCourseChecker(result)}`,
    '',
    ...(input.note ? [input.note, ''] : []),
  ];
}

/** The sticky summary comment: counts, the course checker's outcome, the question table and every finding. */
export function renderSummaryComment(input: SummaryInput): string {
  const { result } = input;
  const header = [...summaryHead(input), renderQuestionTable(result), ''];
  const sorted = [...result.diagnostics].sort(bySeverityThenLine);
  const findings =
    sorted.length === 0
      ? ['No findings. 🎉']
      : [
          '<details><summary>All findings</summary>',
          '',
          ...fitItems(
            sorted.map(renderFindingItem),
            BODY_BUDGET - header.join('\n').length - 500,
            (n) => `- … and ${plural(n, 'more finding')}: see the job summary.`,
          ),
          '',
          '</details>',
        ];
  const edition = editionSentence(result);
  const footer = [
    '',
    `<sub>${edition ? `${edition}; updated` : 'Updated'} on every run.</sub>`,
    '',
    marker('summary', { path: result.path, ...factFields(input.facts) }),
  ];
  return limitBody([...header, ...findings, ...footer].join('\n'));
}

/** The summary comment when the pull request no longer changes the report (changed, then reverted). */
export function renderUntouchedSummary(input: { path: string; number: number; headSha: string }): string {
  return [
    `## report-check: ${codeSpan(input.path)}`,
    '',
    `${codeSpan(input.path)} is not changed by this pull request (#${input.number}) at ${input.headSha.slice(0, 7)}: ` +
      'nothing to check. The findings shown here before no longer apply.',
    '',
    '<sub>Updated on every run.</sub>',
    '',
    marker('summary', { path: input.path }),
  ].join('\n');
}

/** The summary comment when report-check could not run: the findings shown before are out of date. */
export function renderCouldNotRunSummary(input: { path: string; headSha: string; message: string }): string {
  const message = neutralise(input.message.replace(/\r?\n/g, ' ')).slice(0, 2_000);
  return [
    `## report-check: ${codeSpan(input.path)}`,
    '',
    `**report-check could not run** at ${input.headSha.slice(0, 7)}: ${message}`,
    '',
    'The findings shown here before may be out of date; see the job log, and rerun the check.',
    '',
    '<sub>Updated on every run.</sub>',
    '',
    marker('summary', { path: input.path }),
  ].join('\n');
}

/** The job summary: the same table and every finding, with a larger budget. */
export function renderJobSummary(input: SummaryInput): string {
  const { result } = input;
  const parts = summaryHead(input);
  parts.push(renderQuestionTable(result), '');
  const sorted = [...result.diagnostics].sort(bySeverityThenLine);
  if (sorted.length) {
    parts.push('### Findings', '');
    parts.push(
      ...fitItems(
        sorted.map(renderFindingItem),
        MAX_JOB_SUMMARY_BYTES - utf8Bytes(parts.join('\n')) - 1_000,
        (n) => `- … and ${plural(n, 'more finding')} (summary size limit).`,
        utf8Bytes,
      ),
    );
  }
  const edition = editionSentence(result);
  if (edition) parts.push('', `<sub>${edition}.</sub>`);
  return parts.join('\n') + '\n';
}
