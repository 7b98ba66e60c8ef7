#!/usr/bin/env node
// Corpus check: the engine against the course checker's real verdicts, and against mangled reports.
//
//   node scripts/corpus-check.mjs [--corpus DIR] [--mutations N] [--seed S] [--only I] [--jobs J]
//
//   a. Parity: every corpus/reports/*/README.md and every corpus/pairs/*/{base,head}.md is checked with
//      checkReport, and `courseChecker` is compared with the oracle the real `report.py check` produced: the
//      same outcome, the same failing questions and kinds in the same order, the same counts. Where the real
//      checker crashes, an error finding must name a question and a line inside the file. The invariants of
//      part b are checked on these inputs too. One check per report or pair side.
//   b. Robustness: N mutations (default 10,000) of the corpus reports, planned by fast-check from a fixed
//      seed (printed): lines deleted, duplicated or swapped, CRLF / lone CR / mixed line ends, BOMs, tabs,
//      random and invalid UTF-8 bytes, NUL bytes, huge answers, emptied or truncated files, `Answer:` lines
//      removed or duplicated, headings renumbered, deep nesting. For each: checkReport throws nothing but a
//      RunError, and a RunError exactly when the input has a NUL byte or is over 1 MiB; every diagnostic has
//      1 <= line <= endLine <= the file's line count and column >= 1 and a known severity; a second run gives
//      a deep-equal result. One check per mutation. `--only I` re-runs mutation I alone, with its plan.
//   c. One line per failed check, timings, then `N passed, N failed`. Exit 0 when all pass, 1 when a check
//      failed, 2 when it could not run (no corpus, engine does not build, bad arguments).
//
// The engine is bundled from src/ on the fly with esbuild, so the check sees the working tree, not dist/.
import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';
import fc from 'fast-check';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const DEFAULT_SEED = 20260122;
const MAX_BYTES = 1024 * 1024;
const SEVERITIES = new Set(['error', 'warning', 'notice']);

// ---------------------------------------------------------------------------------------------------------
// Invariants shared by both parts.

/** Lines of the file as an editor counts them: `\n`, `\r\n` and a lone `\r` end a line; an empty file has one. */
export function countLines(bytes) {
  let ends = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x0a) ends++;
    else if (byte === 0x0d) {
      ends++;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  const last = bytes[bytes.length - 1];
  const unterminated = bytes.length > 0 && last !== 0x0a && last !== 0x0d;
  return Math.max(1, ends + (unterminated ? 1 : 0));
}

/** Whether the input must be refused: it has a NUL byte or is over 1 MiB. */
function mustRefuse(bytes) {
  return bytes.length > MAX_BYTES || bytes.indexOf(0) !== -1;
}

function describeDiagnostic(d) {
  return `${d.ruleId}@${d.line}:${d.column}-${d.endLine}`;
}

/** Why a result breaks the invariants (empty when it does not): ranges inside the file, known severities. */
function resultProblems(result, lines) {
  const problems = [];
  if (!result || !Array.isArray(result.diagnostics)) return ['result has no diagnostics array'];
  for (const d of result.diagnostics) {
    const integers = [d.line, d.endLine, d.column].every(Number.isInteger);
    if (!integers) problems.push(`${describeDiagnostic(d)}: line/endLine/column not integers`);
    else if (!(d.line >= 1 && d.line <= d.endLine && d.endLine <= lines)) {
      problems.push(`${describeDiagnostic(d)}: lines ${d.line}-${d.endLine} outside 1-${lines}`);
    }
    if (!(d.column >= 1)) problems.push(`${describeDiagnostic(d)}: column ${d.column} < 1`);
    if (!SEVERITIES.has(d.severity))
      problems.push(`${describeDiagnostic(d)}: severity ${String(d.severity)}`);
  }
  if (!['pass', 'fail', 'crash'].includes(result.courseChecker?.outcome)) {
    problems.push(`courseChecker.outcome ${String(result.courseChecker?.outcome)}`);
  }
  return problems;
}

/**
 * Runs checkReport twice on one input and checks every invariant. Returns the first result (or null when it
 * threw) and the problems found.
 */
function runChecked(engine, input) {
  const bytes = input.content;
  const refuse = mustRefuse(bytes);
  const attempt = () => {
    try {
      return { result: engine.checkReport(input) };
    } catch (error) {
      return { error };
    }
  };
  const first = attempt();
  const second = attempt();
  const problems = [];
  if (first.error !== undefined) {
    const error = first.error;
    const isRunError = error instanceof engine.RunError;
    if (!isRunError) {
      const where = error instanceof Error ? (error.stack ?? '').split('\n')[1]?.trim() : '';
      problems.push(
        `threw ${error?.name ?? typeof error}: ${oneLine(error?.message ?? String(error))} ${where}`,
      );
    } else {
      if (!refuse)
        problems.push(`RunError on an input without NUL bytes under 1 MiB: ${oneLine(error.message)}`);
      if (/[\r\n]/.test(error.message)) problems.push('RunError message is more than one line');
    }
    const again = second.error;
    if (!(again instanceof Error) || again.name !== error.name || again.message !== error.message) {
      problems.push('second run did not throw the same error');
    }
    return { result: null, problems };
  }
  if (refuse) {
    problems.push(
      `no RunError although the input ${bytes.length > MAX_BYTES ? `is ${bytes.length} bytes` : 'has a NUL byte'}`,
    );
  }
  problems.push(...resultProblems(first.result, countLines(bytes)));
  if (second.error !== undefined) problems.push(`second run threw: ${oneLine(String(second.error))}`);
  else if (!isDeepStrictEqual(first.result, second.result)) {
    problems.push(`second run differs: ${firstDifference(first.result, second.result)}`);
  }
  return { result: first.result, problems };
}

function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path || 'result'}: ${oneLine(JSON.stringify(a) ?? 'undefined').slice(0, 80)} vs ${oneLine(JSON.stringify(b) ?? 'undefined').slice(0, 80)}`;
}

function oneLine(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------
// Part a: parity with the course checker's verdicts.

function readLines(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean) : null;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every report or pair side with its oracle: `{ name, path, content, files, oracle }`. */
function loadCases(corpus) {
  const cases = [];
  const dirs = (sub) => {
    const dir = join(corpus, sub);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  };
  for (const name of dirs('reports')) {
    const dir = join(corpus, 'reports', name);
    if (!existsSync(join(dir, 'README.md'))) continue;
    const meta = existsSync(join(dir, 'meta.json')) ? readJson(join(dir, 'meta.json')) : {};
    cases.push({
      name: `reports/${name}`,
      path: meta.path ?? 'reports/README.md',
      content: readFileSync(join(dir, 'README.md')),
      files: readLines(join(dir, 'files.txt')),
      oracle: existsSync(join(dir, 'oracle.json')) ? readJson(join(dir, 'oracle.json')) : null,
      edition: meta.edition,
    });
  }
  for (const name of dirs('pairs')) {
    const dir = join(corpus, 'pairs', name);
    const meta = existsSync(join(dir, 'meta.json')) ? readJson(join(dir, 'meta.json')) : {};
    for (const side of ['base', 'head']) {
      if (!existsSync(join(dir, `${side}.md`))) continue;
      const oracleFile = join(dir, `oracle-${side}.json`);
      cases.push({
        name: `pairs/${name}/${side}`,
        path: meta.path ?? 'reports/README.md',
        content: readFileSync(join(dir, `${side}.md`)),
        files: readLines(join(dir, 'files.txt')),
        oracle: existsSync(oracleFile) ? readJson(oracleFile) : null,
        edition: null,
      });
    }
  }
  return cases;
}

function formatFailures(failures) {
  if (failures.length === 0) return 'none';
  return failures.map((f) => `Q${f.question} ${f.kind} ${f.got} (${f.min}-${f.max})`).join(', ');
}

/** Why our verdict on one case disagrees with the oracle (empty when it agrees). */
function parityProblems(testCase, result) {
  const { oracle } = testCase;
  if (!oracle) return ['no oracle file'];
  const ours = result.courseChecker;
  const problems = [];
  const lines = countLines(testCase.content);
  if (oracle.status === 'crash') {
    if (ours.outcome !== 'crash') {
      problems.push(`oracle crashes (${oracle.error}) but we predict ${ours.outcome}`);
    } else {
      const kind = (text) => String(text ?? '').split(':')[0];
      if (kind(ours.reason) !== kind(oracle.error)) {
        problems.push(`crash reason ${kind(ours.reason)} but the oracle raised ${kind(oracle.error)}`);
      }
      const named = result.diagnostics.find(
        (d) => d.severity === 'error' && Number.isInteger(d.question) && d.line >= 1 && d.line <= lines,
      );
      if (!named) {
        const errors = result.diagnostics.filter((d) => d.severity === 'error').map(describeDiagnostic);
        problems.push(
          `crash but no error finding names a question and a line (errors: ${errors.join(', ') || 'none'})`,
        );
      }
    }
    return problems;
  }
  const expected = oracle.failures ?? [];
  const outcome = expected.length > 0 ? 'fail' : 'pass';
  if (ours.outcome !== outcome) {
    problems.push(
      `outcome ${ours.outcome}${ours.reason ? ` (${ours.reason})` : ''} but the oracle says ${outcome}`,
    );
  }
  const same =
    ours.failures.length === expected.length &&
    expected.every((want, i) => {
      const got = ours.failures[i];
      return (
        got.question === want.question &&
        got.kind === want.kind &&
        got.got === want.got &&
        got.min === want.min &&
        got.max === want.max
      );
    });
  if (!same) {
    problems.push(
      `failures differ (edition ${result.edition}): ours [${formatFailures(ours.failures)}], oracle [${formatFailures(expected)}]`,
    );
  }
  return problems;
}

function runParity(engine, cases, report) {
  let passed = 0;
  const times = [];
  for (const testCase of cases) {
    const start = performance.now();
    const input = { path: testCase.path, content: testCase.content, files: testCase.files };
    const { result, problems } = runChecked(engine, input);
    if (result) problems.push(...parityProblems(testCase, result));
    times.push({ ms: (performance.now() - start) / 2, name: testCase.name });
    if (problems.length === 0) passed++;
    else report(`FAIL parity ${testCase.name}: ${problems.join('; ')}`);
  }
  return { passed, failed: cases.length - passed, times };
}

// ---------------------------------------------------------------------------------------------------------
// Part b: mutations. A plan is small data (which report, which operations with which parameters), drawn by
// fast-check; applying it to the report's bytes makes the mutated input. Bytes are handled as latin1 strings,
// one char per byte, so that invalid UTF-8 survives every operation.

const INVALID_UTF8 = [
  '\xff',
  '\xfe',
  '\xc3',
  '\xe2\x82',
  '\xc0\x80',
  '\xed\xa0\x80',
  '\xf4\x90\x80\x80',
  '\x80\x80',
];
const SPECIAL_CHARS = [
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\u200b',
  '\u001c',
  '\u3000',
  '\ud83d\ude80',
  'e\u0301',
];
const FILLERS = {
  words: 'lorem ',
  lines: 'ipsum dolor\n',
  token: 'x',
  images: '![shot](figures/shot.png) ',
  unicode: 'ø\u00a0',
  answers: 'Answer: ',
  headings: '\n### Question 7\n',
};

const toBytes = (text) => Buffer.from(text, 'utf8').toString('latin1');

function planArbitrary(reportCount) {
  const pos = fc.nat({ max: 1_000_000 });
  const count = fc.integer({ min: 1, max: 40 });
  const op = (kind, fields) => fc.record({ kind: fc.constant(kind), ...fields });
  const ops = fc.oneof(
    { weight: 4, arbitrary: op('delete', { at: pos, count }) },
    { weight: 3, arbitrary: op('duplicate', { at: pos, count }) },
    { weight: 3, arbitrary: op('swap', { a: pos, b: pos }) },
    {
      weight: 3,
      arbitrary: op('eol', {
        style: fc.constantFrom('crlf', 'cr', 'mixed', 'crcrlf'),
        salt: fc.nat({ max: 1000 }),
      }),
    },
    {
      weight: 2,
      arbitrary: op('bom', { variant: fc.constantFrom('utf8', 'double', 'utf16', 'line'), at: pos }),
    },
    {
      weight: 2,
      arbitrary: op('tabs', { at: pos, count, mode: fc.constantFrom('indent', 'replace', 'quote') }),
    },
    {
      weight: 3,
      arbitrary: op('bytes', {
        at: pos,
        bytes: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 12 }),
      }),
    },
    { weight: 2, arbitrary: op('invalid', { at: pos, which: fc.nat({ max: INVALID_UTF8.length - 1 }) }) },
    { weight: 1, arbitrary: op('nul', { at: pos }) },
    {
      weight: 2,
      arbitrary: op('unicode', { at: pos, which: fc.nat({ max: SPECIAL_CHARS.length - 1 }), count }),
    },
    {
      weight: 1,
      arbitrary: op('huge', {
        which: pos,
        size: fc.constantFrom(200_000, 200_000, 200_000, 400_000, 1_100_000),
        filler: fc.constantFrom(...Object.keys(FILLERS)),
      }),
    },
    { weight: 1, arbitrary: op('empty', {}) },
    { weight: 1, arbitrary: op('truncate', { at: pos }) },
    {
      weight: 3,
      arbitrary: op('answer', {
        which: pos,
        mode: fc.constantFrom('remove-line', 'remove-word', 'duplicate', 'inline', 'lowercase'),
      }),
    },
    {
      weight: 3,
      arbitrary: op('renumber', {
        which: pos,
        mode: fc.constantFrom('shift', 'set', 'swap', 'depth', 'words', 'all'),
        value: fc.integer({ min: -3, max: 40 }),
      }),
    },
    {
      weight: 1,
      arbitrary: op('nest', {
        at: pos,
        char: fc.constantFrom('>', '> ', '- ', '[', '(', '  ', '*', '`'),
        count: fc.integer({ min: 10, max: 6000 }),
      }),
    },
  );
  return fc.record({
    report: fc.nat({ max: reportCount - 1 }),
    ops: fc.array(ops, { minLength: 1, maxLength: 4 }),
    // Most runs as the CLI's defaults; some with a forced (often wrong) edition, strict mode, no file list.
    edition: fc.constantFrom('auto', 'auto', 'auto', 'auto', '2023', '2024', '2025', '2026'),
    strict: fc.boolean(),
    withFiles: fc.constantFrom(true, true, true, false),
  });
}

function pick(list, index) {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** Offsets of line starts in a latin1 string, for operations that pick "a line" among those matching. */
function matchingLines(lines, pattern) {
  const found = [];
  lines.forEach((line, i) => {
    if (pattern.test(line)) found.push(i);
  });
  return found;
}

function applyOp(s, op) {
  const lines = () => s.split('\n');
  switch (op.kind) {
    case 'delete': {
      const all = lines();
      all.splice(op.at % all.length, op.count);
      return all.join('\n');
    }
    case 'duplicate': {
      const all = lines();
      const at = op.at % all.length;
      all.splice(at, 0, ...all.slice(at, at + op.count));
      return all.join('\n');
    }
    case 'swap': {
      const all = lines();
      const a = op.a % all.length;
      const b = op.b % all.length;
      [all[a], all[b]] = [all[b], all[a]];
      return all.join('\n');
    }
    case 'eol': {
      const bare = s.replace(/\r\n?/g, '\n');
      if (op.style === 'crlf') return bare.replace(/\n/g, '\r\n');
      if (op.style === 'cr') return bare.replace(/\n/g, '\r');
      if (op.style === 'crcrlf') return bare.replace(/\n/g, '\r\r\n');
      let i = 0;
      return bare.replace(/\n/g, () => ['\n', '\r\n', '\r'][(i++ * (op.salt + 1) + (op.salt >> 3)) % 3]);
    }
    case 'bom': {
      if (op.variant === 'utf8') return `\xef\xbb\xbf${s}`;
      if (op.variant === 'double') return `\xef\xbb\xbf\xef\xbb\xbf${s}`;
      if (op.variant === 'utf16') return `\xff\xfe${s}`;
      const all = lines();
      const at = op.at % all.length;
      all[at] = `\xef\xbb\xbf${all[at]}`;
      return all.join('\n');
    }
    case 'tabs': {
      const all = lines();
      const at = op.at % all.length;
      for (let i = at; i < Math.min(all.length, at + op.count); i++) {
        if (op.mode === 'indent') all[i] = `\t${all[i]}`;
        else if (op.mode === 'replace') all[i] = all[i].replace(/ {1,4}/g, '\t');
        else all[i] = all[i].replace(/^>\s?/, '>\t');
      }
      return all.join('\n');
    }
    case 'bytes':
      return insertAt(s, op.at, String.fromCharCode(...op.bytes));
    case 'invalid':
      return insertAt(s, op.at, INVALID_UTF8[op.which]);
    case 'nul':
      return insertAt(s, op.at, '\0');
    case 'unicode':
      return insertAt(s, op.at, toBytes(SPECIAL_CHARS[op.which].repeat(op.count)));
    case 'huge': {
      const filler = toBytes(FILLERS[op.filler]);
      const text = filler.repeat(Math.ceil(op.size / filler.length)).slice(0, op.size);
      const all = lines();
      const answers = matchingLines(all, /Answer:/);
      const at = answers.length ? pick(answers, op.which) + 1 : op.which % all.length;
      all.splice(at, 0, '', text, '');
      return all.join('\n');
    }
    case 'empty':
      return '';
    case 'truncate':
      return s.slice(0, op.at % (s.length + 1));
    case 'answer': {
      const all = lines();
      const answers = matchingLines(all, /Answer:/);
      const target = pick(answers, op.which);
      if (op.mode === 'inline' || target === undefined) {
        const at = op.which % all.length;
        all[at] = `${all[at]} see Answer: here`;
      } else if (op.mode === 'remove-line') all.splice(target, 1);
      else if (op.mode === 'remove-word') all[target] = all[target].replace('Answer:', '');
      else if (op.mode === 'lowercase') all[target] = all[target].replace('Answer:', 'answer:');
      else all.splice(target, 0, all[target]);
      return all.join('\n');
    }
    case 'renumber': {
      const all = lines();
      const pattern = /^(\s*#+\s*Question\s+)(\d+)/i;
      const headings = matchingLines(all, pattern);
      if (headings.length === 0) return s;
      const target = pick(headings, op.which);
      const number = (i) => Number(pattern.exec(all[i])[2]);
      const set = (i, n) => {
        all[i] = all[i].replace(pattern, (_, head) => `${head}${n}`);
      };
      if (op.mode === 'shift') set(target, number(target) + op.value);
      else if (op.mode === 'set') set(target, Math.abs(op.value));
      else if (op.mode === 'swap') {
        const other = pick(headings, op.which + Math.abs(op.value) + 1);
        const [a, b] = [number(target), number(other)];
        set(target, b);
        set(other, a);
      } else if (op.mode === 'depth') {
        all[target] = all[target].replace(/^(\s*)#+/, `$1${'#'.repeat(1 + (Math.abs(op.value) % 6))}`);
      } else if (op.mode === 'words') all[target] = `${all[target]} (extra words ${op.value})`;
      else for (const i of headings) set(i, number(i) + op.value);
      return all.join('\n');
    }
    case 'nest': {
      const all = lines();
      const at = op.at % all.length;
      all.splice(at, 0, `${op.char.repeat(op.count)} deep`);
      return all.join('\n');
    }
    default:
      throw new Error(`unknown operation ${op.kind}`);
  }
}

function insertAt(s, at, text) {
  const offset = at % (s.length + 1);
  return s.slice(0, offset) + text + s.slice(offset);
}

function describeOp(op) {
  const { kind, ...rest } = op;
  const parts = Object.entries(rest).map(([key, value]) =>
    Array.isArray(value) ? `${key}=[${value.join(',')}]` : `${key}=${value}`,
  );
  return `${kind}(${parts.join(' ')})`;
}

function describePlan(source, plan) {
  const options = [
    plan.edition !== 'auto' ? `edition ${plan.edition}` : '',
    plan.strict ? 'strict' : '',
    plan.withFiles ? '' : 'no file list',
  ].filter(Boolean);
  return `${source.name}; ${plan.ops.map(describeOp).join(', ')}${options.length ? `; ${options.join(', ')}` : ''}`;
}

function mutate(source, plan) {
  let s = source.toString('latin1');
  for (const op of plan.ops) s = applyOp(s, op);
  return Buffer.from(s, 'latin1');
}

/** Runs the mutations with the given indexes; returns counts, per-mutation times and failure lines. */
function runMutations(engine, sources, plans, indexes) {
  const failures = [];
  let passed = 0;
  const times = [];
  let refused = 0;
  for (const index of indexes) {
    const plan = plans[index];
    const source = sources[plan.report];
    const content = mutate(source.content, plan);
    const start = performance.now();
    const input = {
      path: source.path,
      content,
      files: plan.withFiles ? source.files : null,
      edition: plan.edition,
      strict: plan.strict,
    };
    const { result, problems: all } = runChecked(engine, input);
    const problems = [...new Set(all)];
    if (!result) refused++;
    times.push(performance.now() - start);
    if (problems.length === 0) passed++;
    else {
      failures.push(
        `FAIL mutation ${index} (${describePlan(source, plan)}; ${content.length} bytes): ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}`,
      );
    }
  }
  return { passed, failed: indexes.length - passed, times, failures, refused };
}

// ---------------------------------------------------------------------------------------------------------
// Engine loading and the driver.

/** Bundles src/check.ts (and RunError, for instanceof) into a temporary ESM file and imports it. */
async function bundleEngine() {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-corpus-'));
  const outfile = join(dir, 'engine.mjs');
  try {
    await build({
      stdin: {
        contents:
          "export { checkReport } from './src/check.ts';\nexport { RunError } from './src/errors.ts';\n",
        resolveDir: root,
        loader: 'ts',
        sourcefile: 'corpus-check-entry.ts',
      },
      outfile,
      ...bundleOptions,
      logLevel: 'silent',
    });
    const source = readFileSync(outfile, 'utf8');
    return { engine: await import(pathToFileURL(outfile).href), source };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports a bundle already built by the main thread (workers get its text, write it and import it). */
async function importBundle(source) {
  const dir = mkdtempSync(join(tmpdir(), 'report-check-corpus-worker-'));
  const file = join(dir, 'engine.mjs');
  writeFileSync(file, source);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function reportSources(cases) {
  return cases.filter((c) => c.name.startsWith('reports/'));
}

function plansFor(sourceCount, seed, count) {
  return fc.sample(planArbitrary(sourceCount), { seed, numRuns: count });
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function quantile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

async function workerMain() {
  const { bundle, corpus, seed, count, indexes } = workerData;
  const engine = await importBundle(bundle);
  const sources = reportSources(loadCases(corpus));
  const plans = plansFor(sources.length, seed, count);
  parentPort.postMessage(runMutations(engine, sources, plans, indexes));
}

function usage(message) {
  console.error(`corpus-check: ${message}`);
  console.error(
    'usage: node scripts/corpus-check.mjs [--corpus DIR] [--mutations N] [--seed S] [--only I] [--jobs J]',
  );
  process.exit(2);
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus') },
        mutations: { type: 'string', default: '10000' },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        only: { type: 'string' },
        jobs: { type: 'string', default: String(Math.max(1, Math.min(availableParallelism(), 4))) },
      },
      strict: true,
    }).values;
  } catch (error) {
    usage(error.message);
  }
  const count = Number(args.mutations);
  const seed = Number(args.seed);
  const jobs = Number(args.jobs);
  if (!Number.isInteger(count) || count < 0)
    usage(`--mutations must be a whole number, not ${args.mutations}`);
  if (!Number.isInteger(seed)) usage(`--seed must be an integer, not ${args.seed}`);
  if (!Number.isInteger(jobs) || jobs < 1) usage(`--jobs must be a positive whole number, not ${args.jobs}`);
  const only = args.only === undefined ? null : Number(args.only);
  if (only !== null && !(Number.isInteger(only) && only >= 0 && only < count)) {
    usage(`--only must be a mutation index below --mutations (${count}), not ${args.only}`);
  }

  const corpus = resolve(args.corpus);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
    console.log(`corpus-check: no corpus folder at ${corpus}; nothing checked`);
    process.exit(2);
  }

  const started = performance.now();
  let bundled;
  try {
    bundled = await bundleEngine();
  } catch (error) {
    console.log(`corpus-check: could not bundle the engine from src/check.ts: ${oneLine(error.message)}`);
    process.exit(2);
  }
  const { engine, source: bundle } = bundled;
  const bundleMs = performance.now() - started;

  const cases = loadCases(corpus);
  const sources = reportSources(cases);
  if (cases.length === 0 || sources.length === 0) {
    console.log(`corpus-check: ${corpus} has no reports/*/README.md; nothing checked`);
    process.exit(2);
  }
  console.log(
    `corpus-check: ${cases.length} parity cases (${sources.length} reports, ${cases.length - sources.length} pair sides) ` +
      `from ${corpus}; ${count} mutations, seed ${seed}${only !== null ? `, only mutation ${only}` : ''}, ${jobs} job(s)`,
  );

  let passed = 0;
  let failed = 0;
  const say = (line) => console.log(line);

  let parityMs = 0;
  if (only === null) {
    const parityStart = performance.now();
    const parity = runParity(engine, cases, say);
    parityMs = performance.now() - parityStart;
    passed += parity.passed;
    failed += parity.failed;
    const slowest = [...parity.times].sort((a, b) => b.ms - a.ms)[0];
    console.log(
      `parity: ${parity.passed}/${cases.length} agree with the course checker (${seconds(parityMs)}; ` +
        `slowest ${slowest.name} ${slowest.ms.toFixed(1)} ms per run)`,
    );
  }

  const mutationStart = performance.now();
  const plans = plansFor(sources.length, seed, count);
  const planMs = performance.now() - mutationStart;
  const indexes = only !== null ? [only] : plans.map((_, i) => i);
  if (only !== null) {
    const plan = plans[only];
    console.log(`mutation ${only}: ${describePlan(sources[plan.report], plan)}`);
  }
  let outcome;
  if (jobs === 1 || indexes.length < 200) {
    outcome = runMutations(engine, sources, plans, indexes);
  } else {
    const shares = Array.from({ length: jobs }, (_, j) => indexes.filter((i) => i % jobs === j));
    const parts = await Promise.all(
      shares.map(
        (share) =>
          new Promise((done, fail) => {
            const worker = new Worker(fileURLToPath(import.meta.url), {
              workerData: { bundle, corpus, seed, count, indexes: share },
            });
            worker.once('message', done);
            worker.once('error', fail);
            worker.once('exit', (code) => {
              if (code !== 0) fail(new Error(`worker exited ${code}`));
            });
          }),
      ),
    );
    outcome = {
      passed: parts.reduce((sum, p) => sum + p.passed, 0),
      failed: parts.reduce((sum, p) => sum + p.failed, 0),
      refused: parts.reduce((sum, p) => sum + p.refused, 0),
      times: parts.flatMap((p) => p.times),
      failures: parts
        .flatMap((p) => p.failures)
        .sort((a, b) => Number(/mutation (\d+)/.exec(a)[1]) - Number(/mutation (\d+)/.exec(b)[1])),
    };
  }
  for (const line of outcome.failures) say(line);
  const mutationMs = performance.now() - mutationStart;
  passed += outcome.passed;
  failed += outcome.failed;
  const sorted = [...outcome.times].sort((a, b) => a - b);
  console.log(
    `mutations: ${outcome.passed}/${indexes.length} hold every invariant (${outcome.refused} refused with RunError); ` +
      `seed ${seed}; re-run one with --seed ${seed} --only I`,
  );
  console.log(
    `timings: bundle ${seconds(bundleMs)}, parity ${seconds(parityMs)}, mutations ${seconds(mutationMs)} ` +
      `(plans ${seconds(planMs)}; per mutation, two runs: median ${quantile(sorted, 0.5).toFixed(1)} ms, ` +
      `p99 ${quantile(sorted, 0.99).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms), ` +
      `total ${seconds(performance.now() - started)}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((error) => {
    console.log(`corpus-check: could not run: ${error?.stack ?? error}`);
    process.exit(2);
  });
} else {
  workerMain().catch((error) => {
    throw error;
  });
}
