// What a student sees in a pull request, rendered by the action's own renderers (src/review/render.ts) from a
// fixed report: the inline review comment on the first error and the summary comment. scripts/screenshot.mjs
// turns it into docs/pull-request.png; a unit test holds docs/pull-request.json's hash equal to this rendering,
// so a change of the comment format fails CI until the picture is regenerated.
import { createHash } from 'node:crypto';
import { checkReport } from '../src/check.js';
import { keyDiagnostics } from '../src/review/plan.js';
import { renderInlineComment, renderSummaryComment } from '../src/review/render.js';

/** The report of the picture, from the repository's root: a real report with two answers over the word limit. */
export const SAMPLE_REPORT = 'acceptance/fixtures/violations.md';
/** The figures the sample repository has: every one the report links but `figures/wandb_runs.png`. */
const MISSING_FIGURE = 'reports/figures/wandb_runs.png';
const HEAD_SHA = '4f2c9a1d0b7e6c5a4f3e2d1c0b9a8f7e6d5c4b3a';

/** The rendered comments, and the diff lines the inline comment sits under. */
export interface PullRequestSample {
  path: string;
  /** The inline comment's markdown body, and the report lines (number, text) above it, ending at its line. */
  inline: { body: string; lines: { number: number; text: string }[] };
  /** The summary comment's markdown body. */
  summary: string;
}

/** Renders the sample from {@link SAMPLE_REPORT}'s text with the real engine and renderers (deterministic). */
export function pullRequestSample(text: string): PullRequestSample {
  const linked = [...text.matchAll(/\]\((figures\/[^)\s]+)\)/g)].map((m) => `reports/${m[1]}`);
  const files = ['reports/README.md', ...linked.filter((f) => f !== MISSING_FIGURE)];
  const result = checkReport({ path: 'reports/README.md', content: text, files });
  const keyed = keyDiagnostics(result.diagnostics);
  const first = keyed.find((k) => k.diagnostic.severity === 'error') ?? keyed[0];
  if (!first) throw new Error('the sample report has no findings');
  const d = first.diagnostic;
  const reportLines = text.split('\n');
  const lines = [];
  for (let n = Math.max(1, d.line - 3); n <= d.line; n++)
    lines.push({ number: n, text: reportLines[n - 1] ?? '' });
  return {
    path: result.path,
    inline: { body: renderInlineComment(d, first.key), lines },
    summary: renderSummaryComment({ result, headSha: HEAD_SHA, failOn: 'error' }),
  };
}

/** The SHA-256 of the sample's markdown (hex), which docs/pull-request.json records for the committed picture. */
export function sampleHash(sample: PullRequestSample): string {
  return createHash('sha256').update(JSON.stringify(sample)).digest('hex');
}
