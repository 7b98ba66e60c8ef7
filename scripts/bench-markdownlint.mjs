// The bench's markdownlint part (scripts/bench.mjs): the custom rule dist/markdownlint.cjs runs on every check
// in the editor, so its warm time per report is what a student waits for as they type (target < 5 ms for a
// 35 KB report). Measured on the rule's own call with the params markdownlint hands it (image lookups on disk
// included), beside checkReport alone on the same text (the rule's cost over the engine's) and markdownlint's
// whole lint with only this rule and with its own rules too (what the student's editor runs).
import { Buffer } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { lint } from 'markdownlint/sync';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const ruleFile = join(root, 'dist', 'markdownlint.cjs');
const TARGET_MS = 5;
const SIZE = 35 * 1024;
const ONLY_THE_RULE = { default: false, 'report-check': true };

/** Median milliseconds of `run` over at least `minMs` of runs, after a warm-up. */
function warmMs(run, minMs) {
  for (let i = 0; i < 20; i++) run();
  const times = [];
  const start = performance.now();
  while (performance.now() - start < minMs || times.length < 20) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The params markdownlint hands a rule for `file`, caught once by a rule that only records them. */
function paramsOf(file, text) {
  let params;
  const spy = {
    names: ['spy'],
    description: 'spy',
    tags: ['bench'],
    parser: 'none',
    function: (p) => (params = p),
  };
  lint({ strings: { [file]: text }, customRules: [spy], config: { default: false, spy: true } });
  return params;
}

/**
 * Prints the rule's warm time for `report` (the 35 KB corpus report) and its mean over `reports`, scaled to
 * 35 KB; `checkReport` is the engine, bundled as the bench bundles it.
 */
export function benchMarkdownlint(report, reports, checkReport) {
  if (!existsSync(ruleFile)) {
    console.log('markdownlint rule: skipped (dist/markdownlint.cjs not built; run `npm run bundle` first)');
    return;
  }
  const rule = createRequire(import.meta.url)(ruleFile);
  const text = readFileSync(report, 'utf8');
  const params = paramsOf(report, text);
  const ruleMs = warmMs(() => rule.function(params, () => undefined), 1000);
  const engineMs = warmMs(() => checkReport({ path: 'reports/README.md', content: text, files: null }), 1000);
  const lintOnly = warmMs(
    () => lint({ strings: { [report]: text }, customRules: [rule], config: ONLY_THE_RULE }),
    1000,
  );
  const lintAll = warmMs(() => lint({ strings: { [report]: text }, customRules: [rule] }), 1000);
  let perKb = 0;
  for (const file of reports) {
    const body = readFileSync(file, 'utf8');
    const each = paramsOf(file, body);
    perKb += warmMs(() => rule.function(each, () => undefined), 0) / Buffer.byteLength(body);
  }
  const corpus = (perKb / reports.length) * SIZE;
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  console.log(
    `markdownlint rule: ${ruleMs.toFixed(2)} ms warm per report (${kb} KB, median), ${(ruleMs / engineMs).toFixed(2)}x ` +
      `checkReport alone (${engineMs.toFixed(2)} ms); corpus mean ${corpus.toFixed(2)} ms per 35 KB over ${reports.length} ` +
      `reports; markdownlint lint with only the rule ${lintOnly.toFixed(1)} ms, with its own rules too ${lintAll.toFixed(1)} ms ` +
      `- target < ${TARGET_MS} ms per 35 KB: ${Math.max(ruleMs, corpus) < TARGET_MS ? 'ok' : 'ABOVE TARGET'}`,
  );
}
