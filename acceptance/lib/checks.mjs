// Assertions over a fakegh result.json: a collector (Checker), a read-only view of the result (View), and the
// checks every scenario gets (commonChecks). Scenario-specific tables live in scenarios/<name>.expect.mjs.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const show = (x) => (typeof x === 'string' ? JSON.stringify(x) : (JSON.stringify(x) ?? String(x)));

/** Collects failed assertions as one-line reasons. */
export class Checker {
  constructor() {
    this.failures = [];
    this.notes = [];
  }
  ok(cond, reason) {
    if (!cond) this.failures.push(reason);
    return Boolean(cond);
  }
  eq(actual, expected, what) {
    return this.ok(
      show(actual) === show(expected),
      `${what}: expected ${show(expected)}, got ${show(actual)}`,
    );
  }
  le(actual, max, what) {
    return this.ok(
      typeof actual === 'number' && actual <= max,
      `${what}: expected <= ${max}, got ${show(actual)}`,
    );
  }
  ge(actual, min, what) {
    return this.ok(
      typeof actual === 'number' && actual >= min,
      `${what}: expected >= ${min}, got ${show(actual)}`,
    );
  }
  note(text) {
    this.notes.push(text);
  }
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** HTML entities decoded (named ones above plus numeric). */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}
/** Text as a reader sees it, for "does this body carry that message": no zero-width characters, entities decoded,
 * markdown escapes and emphasis/code markers dropped, whitespace collapsed. */
export function normalize(s) {
  return decodeEntities(String(s ?? '').replace(ZERO_WIDTH, ''))
    .replace(ZERO_WIDTH, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>@~])/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
/** Markdown with code spans and fenced blocks removed (text that GitHub renders as markdown/HTML). */
export function withoutCode(s) {
  return String(s ?? '')
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '');
}

/** Whether a request is a write: any non-GET REST call, or a GraphQL mutation. */
/** The run's "could not run" annotation, if it ended so. */
export const couldNotRun = (run) =>
  (run.annotations ?? []).find((a) => /could not run/i.test(a.message ?? ''));

export function isWrite(q) {
  if (q.path === '/graphql') return /^\s*mutation\b/.test(q.requestBody?.query ?? '');
  return q.method !== 'GET';
}
const ok2xx = (q) => q.status >= 200 && q.status < 300;

/** A read-only view of one result.json with helpers for the expectations. */
export class View {
  constructor(result, scenario, scenarioFile) {
    // Request paths as GitHub reads them (octokit percent-encodes the / inside {path}).
    const decode = (p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    };
    this.r = { ...result, requests: (result.requests ?? []).map((q) => ({ ...q, path: decode(q.path) })) };
    this.scenario = scenario;
    this.scenarioDir = resolve(scenarioFile, '..');
    this.state = result.state ?? {};
  }
  get runs() {
    return this.r.runs ?? [];
  }
  /** Run k (1-based); run(-1) is the last. */
  run(k) {
    return k < 0 ? this.runs.at(k) : this.runs[k - 1];
  }
  requests(k) {
    return (this.r.requests ?? []).filter((q) => k === undefined || q.run === k);
  }
  writes(k) {
    return this.requests(k).filter(isWrite);
  }
  okWrites(k) {
    return this.writes(k).filter(ok2xx);
  }
  stats(k) {
    return this.run(k)?.stats ?? { requests: NaN, roundTrips: NaN };
  }
  outputs(k) {
    return this.run(k)?.outputs ?? {};
  }
  /** The parsed `result` output: the first file of report-check's JSON document, or null. */
  report(k) {
    const raw = this.outputs(k).result;
    if (raw === undefined) return null;
    try {
      const doc = JSON.parse(raw);
      return (Array.isArray(doc) ? doc : (doc.files ?? [doc]))[0] ?? null;
    } catch {
      return undefined;
    }
  }
  diagnostics(k) {
    return this.report(k)?.diagnostics ?? [];
  }
  /** The report's findings matching a filter: {question, severity, text (in the message)}. */
  findings(k, { question, severity, text } = {}) {
    return this.diagnostics(k).filter(
      (d) =>
        (question === undefined || d.question === question) &&
        (severity === undefined || d.severity === severity) &&
        (text === undefined || String(d.message).includes(text)),
    );
  }
  /** Annotations the action itself emitted in run k (not the runner's or the harness's). */
  annotations(k) {
    return (this.run(k)?.annotations ?? []).filter((a) => !a.source);
  }
  own(kind) {
    return (this.state[kind] ?? []).filter((x) => !x.foreign);
  }
  foreign(kind) {
    return (this.state[kind] ?? []).filter((x) => x.foreign);
  }
  /** Bodies the action got onto GitHub in runs 1..k: successful write request bodies (review body, inline
   * comments, issue comments, edits, statuses' descriptions are left out). */
  postedBodies(k = this.runs.length, { onlyRun = false } = {}) {
    const out = [];
    for (const q of (this.r.requests ?? []).filter(
      (x) => (onlyRun ? x.run === k : x.run <= k) && isWrite(x) && ok2xx(x) && x.path !== '/graphql',
    )) {
      const b = q.requestBody ?? {};
      if (typeof b.body === 'string') out.push({ where: `${q.method} ${q.route ?? q.path}`, text: b.body });
      for (const c of Array.isArray(b.comments) ? b.comments : [])
        if (typeof c.body === 'string') out.push({ where: 'inline comment', text: c.body });
      if (b.output)
        for (const f of ['title', 'summary', 'text'])
          if (typeof b.output[f] === 'string') out.push({ where: `check run ${f}`, text: b.output[f] });
    }
    return out;
  }
  /** Every place a student can read a finding of run k: posted bodies so far, the current state, the job summary. */
  readableTexts(k) {
    const texts = this.postedBodies(k).map((b) => b.text);
    for (const c of [...this.own('reviewComments'), ...this.own('issueComments'), ...this.own('reviews')])
      if (c.body) texts.push(c.body);
    texts.push(this.run(k)?.summary ?? '');
    return texts.map(normalize);
  }
  /** Text of a scenario file value (a fixture path or inline text), or null. */
  fileText(side, path) {
    const v = this.scenario[side]?.files?.[path];
    if (typeof v === 'string') return v;
    if (v && typeof v.file === 'string') return readFileSync(resolve(this.scenarioDir, v.file), 'utf8');
    return null;
  }
}

/** Whether a text has a table row for question n (see questionRow). */
export function hasQuestionRow(text, n) {
  return questionRow(text, n) !== null;
}
/** The markdown/HTML table row of a text whose first cell names question n (`7`, `Q7`, `Question 7`, links or bold
 * allowed), or null. */
export function questionRow(text, n) {
  const cell = (c) =>
    normalize(c.replace(/<[^>]+>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')).replace(/[_~]/g, '');
  const re = new RegExp(`^(?:q|question)?\\s*#?${n}\\b`, 'i');
  for (const line of String(text ?? '').split('\n')) {
    if (/^\s*\|/.test(line)) {
      const first = line
        .split('|')
        .map((c) => c.trim())
        .find((c) => c !== '');
      if (first !== undefined && re.test(cell(first))) return line;
    }
  }
  for (const m of String(text ?? '').matchAll(/<tr[^>]*>\s*<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi))
    if (re.test(cell(m[1]))) return m[0];
  return null;
}

/** RIGHT-side line ranges of the hunks, and the added lines, of a base -> head change (jsdiff, as fakegh does). */
export async function diffInfo(fakeghDir, baseText, headText) {
  const { structuredPatch } = await import(
    pathToFileURL(join(fakeghDir, 'node_modules/diff/libesm/index.js')).href
  );
  const { hunks } = structuredPatch('a', 'b', baseText ?? '', headText ?? '', '', '', { context: 3 });
  const ranges = [],
    added = new Set();
  for (const h of hunks) {
    ranges.push([h.newStart, h.newStart + h.newLines - 1]);
    let line = h.newStart;
    for (const l of h.lines) {
      if (l[0] === '+') added.add(line++);
      else if (l[0] === ' ') line++;
    }
  }
  return { ranges, added, inHunk: (n) => ranges.some(([a, b]) => n >= a && n <= b) };
}

/** A table row whose status cell says all is well. */
const OK_ROW = /\|\s*(✅\s*)?(ok|pass(ed)?)\s*\|?\s*$/i;

const NODE_WARNING = /^action wants node\d+ but runs on node v\d+/;

/**
 * Checks every scenario gets. opts: {writable: the token can write (default: true unless a read-only token),
 * pr: the run is about a pull request (comments expected), expectOutputs: default true}.
 */
export function commonChecks(v, t, opts = {}) {
  const r = v.r;
  t.ok(!r.runs.some((x) => x.timedOut), `timed out (run ${r.runs.findIndex((x) => x.timedOut) + 1})`);
  for (const w of r.harnessWarnings ?? []) t.ok(NODE_WARNING.test(w), `harness warning: ${w}`);
  const first = (arr, f) => (arr.length ? ` (first: ${f(arr[0])})` : '');
  // A 422 the scenario injects as a fault (GitHub refusing a review) is logged as a validation error too.
  const faulted = new Set((r.requests ?? []).filter((q) => q.fault).map((q) => q.seq));
  const invalid = (r.validationErrors ?? []).filter((e) => !faulted.has(e.seq));
  t.eq(
    invalid.length,
    0,
    `validationErrors${first(invalid, (e) => `${e.method} ${e.path} ${e.status} ${show(e.response?.message ?? e.response?.errors?.[0]?.message)}`)}`,
  );
  t.eq(
    r.unknownEndpoints?.length ?? 0,
    0,
    `unknownEndpoints${first(r.unknownEndpoints ?? [], (e) => `${e.method} ${e.path}${e.field ? ` ${e.field}` : ''}`)}`,
  );
  t.eq(
    r.violations?.length ?? 0,
    0,
    `violations (other people's items touched)${first(r.violations ?? [], show)}`,
  );
  t.eq(
    r.internalErrors?.length ?? 0,
    0,
    `fakegh internalErrors${first(r.internalErrors ?? [], (e) => `${e.method} ${e.url}`)}`,
  );
  // fakegh's own response self-check flags the null line/position of outdated review comments (GitHub returns null
  // there, while the OpenAPI description says integer): a known limit of the fake, not the action's doing.
  const schemaErrors = (r.responseSchemaErrors ?? []).filter(
    (e) =>
      !(e.errors ?? []).every((m) =>
        /^\/\d+\/(position|line|start_line|original_start_line) must be integer$/.test(m),
      ),
  );
  t.eq(schemaErrors.length, 0, `fakegh responseSchemaErrors${first(schemaErrors, show)}`);
  // 4xx other than the expected 403s of a read-only token mean the action asked for something wrong. A 404 to the
  // report's read is an answer ("not there"): it is read alongside the PR's files, before they tell it is deleted.
  // Any other 404 (a wrong path, ref or schema) still counts.
  const writable = opts.writable ?? v.scenario.token?.permission !== 'read';
  const reportPath = v.scenario.inputs?.path || 'reports/README.md';
  const notThere = (q) =>
    q.status === 404 && q.method === 'GET' && q.path.split('?')[0].endsWith(`/contents/${reportPath}`);
  const bad = v
    .requests()
    .filter(
      (q) =>
        q.status >= 400 &&
        q.status < 500 &&
        !q.fault &&
        !notThere(q) &&
        !(q.status === 403 && !writable && isWrite(q)),
    );
  t.eq(
    bad.length,
    0,
    `unexpected 4xx answers${first(bad, (q) => `${q.method} ${q.path} -> ${q.status} ${show(q.response?.message)}`)}`,
  );

  v.runs.forEach((run, i) => {
    const k = i + 1,
      tag = v.runs.length > 1 ? `run ${k}: ` : '';
    for (const a of run.annotations.filter(
      (x) => x.source === 'runner' && !/^Process completed with exit code \d+\.$/.test(x.message),
    ))
      t.ok(false, `${tag}runner ${a.level}: ${a.message}`);
    if (opts.expectOutputs !== false) {
      const out = run.outputs ?? {};
      t.ok(
        ['pass', 'fail', 'crash'].includes(out['course-checker']),
        `${tag}output course-checker is ${show(out['course-checker'])}`,
      );
      const rep = v.report(k);
      t.ok(
        rep && Array.isArray(rep.diagnostics),
        `${tag}output result is not report-check's JSON (${rep === undefined ? 'invalid JSON' : rep === null ? 'missing' : 'no diagnostics'})`,
      );
      if (rep && Array.isArray(rep.diagnostics)) {
        const count = (s) => rep.diagnostics.filter((d) => d.severity === s).length;
        t.eq(out.errors, String(count('error')), `${tag}output errors vs result's error findings`);
        t.eq(out.warnings, String(count('warning')), `${tag}output warnings vs result's warning findings`);
        if (rep.courseChecker?.outcome)
          t.eq(out['course-checker'], rep.courseChecker.outcome, `${tag}output course-checker vs result`);
        // No finding is lost: each one reaches an inline comment, the review body, the summary comment or the job summary.
        const texts = v.readableTexts(k);
        const lost = rep.diagnostics.filter((d) => !texts.some((x) => x.includes(normalize(d.message))));
        t.ok(
          lost.length === 0,
          `${tag}${lost.length} finding(s) lost (in no comment, review or job summary), e.g. ${lost
            .slice(0, 2)
            .map((d) => `${d.severity} L${d.line} ${show(d.message)}`)
            .join('; ')}`,
        );
        // The summary tables show every question the course checker would warn about.
        // (In the job summary of every run, and in the sticky summary comment after the last run.)
        const tables = [['job summary', run.summary]];
        const sticky = v.own('issueComments')[0];
        if (sticky && k === v.runs.length) tables.push(['summary comment', sticky.body]);
        for (const f of rep.courseChecker?.failures ?? []) {
          for (const [where, text] of tables) {
            const row = questionRow(text, f.question);
            t.ok(
              row !== null,
              `${tag}${where} has no table row for question ${f.question} (course checker: ${f.kind})`,
            );
            if (row)
              t.ok(!OK_ROW.test(row), `${tag}${where} row for question ${f.question} says ok: ${show(row)}`);
          }
        }
      }
    }
    // At most 10 annotations per type are shown, so the most important come first: errors, then warnings, then notices.
    const rank = { error: 0, warning: 1, notice: 2 };
    const ranks = v
      .annotations(k)
      .filter((a) => a.file)
      .map((a) => rank[a.level] ?? 3);
    t.ok(
      ranks.every((x, i) => i === 0 || ranks[i - 1] <= x),
      `${tag}file annotations not ordered errors, warnings, notices`,
    );
    // Never a stack trace: could-not-run failures are one line.
    for (const p of run.phases ?? []) {
      const trace = /^\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)$/m.exec(`${p.stdout}\n${p.stderr}`);
      t.ok(!trace, `${tag}${p.phase} printed a stack trace: ${show(trace?.[0]?.trim())}`);
    }
    for (const b of v.postedBodies(k, { onlyRun: true }))
      t.le(b.text.length, 65536, `${tag}${b.where} body length`);
  });

  // Only COMMENT reviews; at most ~30 inline comments in one review; bodies neutralised.
  for (const rv of v.own('reviews'))
    t.ok(
      rv.state === 'COMMENTED' || rv.state === 'DISMISSED',
      `own review ${rv.id} has state ${rv.state} (expected COMMENTED)`,
    );
  const perReview = new Map();
  for (const c of v.own('reviewComments'))
    perReview.set(c.pull_request_review_id, (perReview.get(c.pull_request_review_id) ?? 0) + 1);
  for (const [id, n] of perReview) t.le(n, 30, `inline comments in review ${id}`);
  const shown = [
    ...v.postedBodies().map((b) => b.text),
    ...v.own('issueComments').map((c) => c.body),
    ...v.own('reviewComments').map((c) => c.body),
  ];
  for (const text of shown) {
    const visible = decodeEntities(withoutCode(text).replace(ZERO_WIDTH, '\uE000'));
    const ping = /(^|[^\w\uE000])@teacher-tom\b/.exec(visible);
    if (ping) {
      t.ok(
        false,
        `a posted body pings @teacher-tom: ${show(visible.slice(Math.max(0, ping.index - 50), ping.index + 40))}`,
      );
      break;
    }
  }
  for (const text of [...shown, ...v.runs.map((x) => x.summary ?? '')]) {
    if (/<b>flaky<\/b>/.test(withoutCode(text))) {
      t.ok(false, `student HTML <b>flaky</b> echoed raw into a comment or summary`);
      break;
    }
  }
  // The only HTML comment in a body we post is our marker, as its whole last line: echoed text cannot plant one.
  for (const text of shown) {
    const lines = String(text).trimEnd().split(/\r?\n/);
    const early = lines.slice(0, -1).find((l) => /<!--|-->/.test(l));
    if (early !== undefined) {
      t.ok(false, `a posted body has an HTML comment before its last line: ${show(early.slice(0, 160))}`);
      break;
    }
  }
  // Comments go against the PR head, never GITHUB_SHA (the test-merge commit, or the base for pull_request_target).
  if (/^pull_request/.test(v.r.event)) {
    for (const k of v.runs.keys()) {
      const sha = v.run(k + 1).env?.GITHUB_SHA;
      for (const q of v
        .requests(k + 1)
        .filter((x) => /\/pulls\/\d+\/reviews$/.test(x.path) && x.method === 'POST'))
        t.ok(
          q.requestBody?.commit_id !== sha,
          `run ${k + 1}: review posted against GITHUB_SHA ${sha?.slice(0, 7)} instead of the PR head`,
        );
      for (const q of v
        .requests(k + 1)
        .filter((x) => x.path.endsWith(`/contents/${v.scenario.inputs?.path || 'reports/README.md'}`)))
        t.ok(
          q.query?.ref !== sha,
          `run ${k + 1}: report read at GITHUB_SHA ${sha?.slice(0, 7)} instead of the PR head`,
        );
    }
  }
}

/** Loads scenarios/<name>.expect.mjs (default export: (view, checker, helpers) => void | Promise). */
export async function loadExpect(scenariosDir, name) {
  const mod = await import(pathToFileURL(join(scenariosDir, `${name}.expect.mjs`)).href);
  return { check: mod.default, options: mod.options ?? {} };
}
