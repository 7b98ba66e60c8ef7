#!/usr/bin/env node
// The markdownlint custom rule (dist/markdownlint.cjs, `report-check/markdownlint`) against the CLI
// (dist/cli.cjs), over every corpus report, through markdownlint's own API (`lint`, `applyFixes`):
//
//   node scripts/markdownlint-check.mjs [--corpus DIR]
//
//   Each corpus/reports/*/README.md is laid out as its repository (the report at meta.json's path, an empty
//   file for each line of files.txt, no .git, so both sides look images up on disk), then:
//   a. findings: markdownlint's errors of the rule (all markdownlint's own rules off) are the CLI's findings
//      (`--format json`): the same rule ids, lines and messages, in the same order;
//      (the order within a line aside);
//   b. fixes: markdownlint's applyFixes of those errors gives the text `report-check --fix` writes, and so
//      does a second round on that text (lint and applyFixes again, against a second `--fix`).
//   One check per report and part, one line per failed check, then `N passed, N failed`. Exit 0 when all
//   pass, 1 when a check failed, 2 when it could not run (no corpus, dist/ not built).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { applyFixes } from 'markdownlint';
import { lint } from 'markdownlint/sync';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const cli = join(root, 'dist', 'cli.cjs');
const ruleFile = join(root, 'dist', 'markdownlint.cjs');
/** Only the rule: markdownlint's own rules are the student's choice, not what is compared. */
const CONFIG = { default: false, 'report-check': true };

function couldNotRun(message) {
  console.error(`markdownlint-check: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

/** Each corpus report written out as its repository; returns where the reports are. */
function layOut(corpus, work) {
  const reports = [];
  for (const entry of readdirSync(corpus, { withFileTypes: true })) {
    const dir = join(corpus, entry.name);
    if (!entry.isDirectory() || !existsSync(join(dir, 'README.md'))) continue;
    const meta = existsSync(join(dir, 'meta.json'))
      ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))
      : {};
    const repo = join(work, entry.name);
    const files = existsSync(join(dir, 'files.txt'))
      ? readFileSync(join(dir, 'files.txt'), 'utf8').split('\n').filter(Boolean)
      : [];
    for (const file of files) {
      const path = resolve(repo, file);
      // A listed path that is a folder of another listed path, or outside the repository, is not made.
      if (!path.startsWith(`${repo}/`) || files.some((other) => other.startsWith(`${file}/`))) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
    }
    const report = join(repo, meta.path ?? 'reports/README.md');
    mkdirSync(dirname(report), { recursive: true });
    writeFileSync(report, readFileSync(join(dir, 'README.md')));
    reports.push({ name: entry.name, file: report });
  }
  return reports;
}

/** `report-check ARGS FILES` as a user runs it: its stdout (exit status 1 for findings is not a failure). */
function runCli(args, files) {
  try {
    return execFileSync(process.execPath, [cli, ...args, ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if (error.status === 1 || error.status === 2) return error.stdout;
    throw error;
  }
}

/** The findings as "line rule-id: message", the line where markdownlint shows it (front matter: its first line). */
function expectedFindings(diagnostics, hidden) {
  return diagnostics.map((d) => `${Math.max(d.line, hidden + 1)} ${d.ruleId}: ${d.message}`);
}

/** The rule's findings in the same form, read from the detail it documents: `rule-id (severity): message`. */
function ruleFindings(errors) {
  return errors.flatMap((e) => {
    const found = /^([a-z0-9-]+) \((?:error|warning|notice)\): ([^]*)$/.exec(e.errorDetail ?? '');
    return found ? [`${e.lineNumber} ${found[1]}: ${found[2]}`] : [];
  });
}

function firstDifference(expected, actual) {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] !== actual[i]) return `CLI: ${expected[i] ?? '(none)'} | rule: ${actual[i] ?? '(none)'}`;
  }
  return '';
}

const { values } = parseArgs({ options: { corpus: { type: 'string' } } });
const corpus = join(resolve(values.corpus ?? join(root, '..', 'shared', 'corpus')), 'reports');
if (!existsSync(corpus)) couldNotRun(`no corpus reports at ${corpus}`);
if (!existsSync(cli) || !existsSync(ruleFile)) couldNotRun('dist/ is not built: run `npm run bundle` first');
const rule = require(ruleFile);
const { frontMatterRe } = require('markdownlint/helpers');

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'report-check-markdownlint-'));
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAILED ${what}`);
  }
};
try {
  const reports = layOut(corpus, work);
  const files = reports.map((r) => r.file);
  const before = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const json = JSON.parse(runCli(['--format', 'json', '--fail-on', 'never'], files));
  const results = new Map(json.files.map((f) => [resolve(f.path), f]));
  const linted = lint({ files, customRules: [rule], config: CONFIG });
  const lintMs = performance.now() - started;
  const fixedByRule = new Map();
  for (const { name, file } of reports) {
    const result = results.get(file);
    const errors = linted[file] ?? [];
    const hidden = frontMatterLength(before.get(file));
    const expected = result ? expectedFindings(result.diagnostics, hidden) : ['(the CLI could not check it)'];
    const actual = ruleFindings(errors);
    expected.sort();
    actual.sort();
    check(
      expected.join('\n') === actual.join('\n'),
      `${name}: findings: ${firstDifference(expected, actual)}`,
    );
  }
  // Two rounds: the second runs on the text the first wrote, as a student fixing again would.
  let texts = before;
  for (const round of [1, 2]) {
    const next = new Map();
    for (const { file } of reports) {
      const text = texts.get(file);
      const errors =
        round === 1
          ? linted[file]
          : lint({ strings: { [file]: text }, customRules: [rule], config: CONFIG })[file];
      next.set(file, applyFixes(text, errors ?? []));
    }
    runCli(['--fix', '--format', 'json', '--fail-on', 'never'], files);
    for (const { name, file } of reports) {
      const changed = next.get(file) !== texts.get(file) ? 'changes' : 'no change';
      check(
        next.get(file) === readFileSync(file, 'utf8'),
        `${name}: fix round ${round}: markdownlint's applyFixes (${changed}) differs from report-check --fix`,
      );
    }
    if (round === 1) fixedByRule.clear();
    for (const [file, text] of next) if (round === 1) fixedByRule.set(file, text);
    texts = next;
  }
  const fixedCount = reports.filter(({ file }) => fixedByRule.get(file) !== before.get(file)).length;
  console.log(
    `markdownlint rule: ${reports.length} corpus reports, ${fixedCount} with fixes; lint ${lintMs.toFixed(0)} ms, ` +
      `all in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

/** Lines of front matter markdownlint keeps from rules, found as markdownlint finds them. */
function frontMatterLength(text) {
  const match = frontMatterRe.exec(text);
  if (!match || match.index !== 0) return 0;
  const lines = match[0].split(/\r\n|\r|\n/);
  return lines.at(-1) === '' ? lines.length - 1 : lines.length;
}
