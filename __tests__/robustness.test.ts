// Robustness properties of checkReport, on generated reports (no corpus needed): whatever the bytes, it throws
// nothing but a RunError, and a RunError exactly for NUL bytes or over 1 MiB; every finding lies inside the file;
// severities are known; the same input gives the same result. scripts/corpus-check.mjs runs the same invariants
// over mutations of the real corpus.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { checkReport, type CheckInput, type CheckResult } from '../src/check.js';
import { RunError } from '../src/errors.js';
import { EDITIONS, type Edition } from '../src/editions.js';
import { makePassingReport, makeReport, words } from './support/report.js';
import { ADVERSARIAL_SHAPES } from '../scripts/adversarial.mjs';
import { MAX_PER_RULE } from '../src/rules/cap.js';

const MAX_BYTES = 1024 * 1024;
const SEED = 20260122;
const FILES = ['reports/README.md', 'reports/figures/shot.png', 'reports/figures/Bucket.PNG'];

/** Lines as an editor counts them: `\n`, `\r\n` and a lone `\r` end a line; an empty file has one line. */
function countLines(bytes: Uint8Array): number {
  let ends = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) ends++;
    else if (bytes[i] === 0x0d) {
      ends++;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  const last = bytes[bytes.length - 1];
  return Math.max(1, ends + (bytes.length > 0 && last !== 0x0a && last !== 0x0d ? 1 : 0));
}

function attempt(input: CheckInput): { result: CheckResult } | { error: unknown } {
  try {
    return { result: checkReport(input) };
  } catch (error) {
    return { error };
  }
}

/** Checks every invariant on one input; throws (failing the property) with the first broken one. */
function expectInvariants(content: Uint8Array, files: readonly string[] | null = FILES): CheckResult | null {
  const input: CheckInput = { path: 'reports/README.md', content, files };
  const refuse = content.length > MAX_BYTES || content.includes(0);
  const first = attempt(input);
  const second = attempt(input);
  if ('error' in first) {
    expect(first.error).toBeInstanceOf(RunError);
    expect(refuse).toBe(true);
    expect((first.error as RunError).message).not.toMatch(/[\r\n]/);
    expect('error' in second && (second.error as Error).message).toBe((first.error as RunError).message);
    return null;
  }
  expect(refuse).toBe(false);
  const lines = countLines(content);
  for (const d of first.result.diagnostics) {
    const where = `${d.ruleId} at ${d.line}:${d.column}-${d.endLine} in a ${lines}-line file`;
    expect({ where, ok: Number.isInteger(d.line) && d.line >= 1 }).toEqual({ where, ok: true });
    expect({ where, ok: d.line <= d.endLine && d.endLine <= lines }).toEqual({ where, ok: true });
    expect({ where, ok: d.column >= 1 }).toEqual({ where, ok: true });
    expect(['error', 'warning', 'notice']).toContain(d.severity);
  }
  expect(['pass', 'fail', 'crash']).toContain(first.result.courseChecker.outcome);
  expect('result' in second && isDeepStrictEqual(second.result, first.result)).toBe(true);
  return first.result;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

// Reports to mutate: each edition's template untouched and fully answered, plus answers with images, code,
// HTML, quotes, lists, and a report whose Question 3 lost its `Answer:` line (the checker crashes on it).
function baseReports(): string[] {
  const bases: string[] = [];
  for (const edition of EDITIONS) {
    bases.push(makeReport(edition), makePassingReport(edition));
  }
  const rich: Record<number, string> = {
    1: '42',
    3: `${words(30)}\n\n\`\`\`python\nAnswer: inside code\n## not a heading\n\`\`\`\n\n${words(40)}`,
    4: `- ${words(20)}\n  - nested ${words(10)}\n\n> quoted ${words(10)}\n\n<img src="figures/a.png">`,
    5: `Some text\n---\n${words(20)} ![x](figures/missing.png) ![y](https://example.com/a.png) ![z](../../etc/x.gif)`,
    6: '--- question 6 fill here ---\nand my words too',
    14: `${words(100)}\n![shot](figures/shot.png)\n![b](figures/bucket.png)`,
  };
  bases.push(makeReport('2026', rich), makeReport('2024', rich));
  bases.push(makeReport('2025', { 3: words(10) }).replace(/(### Question 3\n[^]*?)> Answer:\n/, '$1'));
  bases.push(
    '',
    '\n',
    '\r\n',
    '\r',
    'Answer:',
    '### Question 1\n> Answer:\n',
    '# Title\n\n## Group\n\nno questions at all\n',
  );
  return bases;
}

type Op =
  | { kind: 'delete' | 'duplicate'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'eol'; style: 'crlf' | 'cr' | 'mixed' }
  | { kind: 'bom'; at: number }
  | { kind: 'tabs'; at: number; count: number }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'answer'; which: number; mode: 'remove' | 'duplicate' | 'inline' }
  | { kind: 'renumber'; which: number; value: number; all: boolean }
  | { kind: 'huge'; which: number; filler: string }
  | { kind: 'empty' | 'truncate'; at: number };

const position = fc.nat({ max: 100_000 });
const count = fc.integer({ min: 1, max: 30 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: position, count }),
  fc.record({ kind: fc.constant('swap' as const), a: position, b: position }),
  fc.record({
    kind: fc.constant('eol' as const),
    style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const),
  }),
  fc.record({ kind: fc.constant('bom' as const), at: fc.constantFrom(0, 0, 1, 57, 999) }),
  fc.record({ kind: fc.constant('tabs' as const), at: position, count }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: position,
    // Mostly non-NUL bytes (invalid UTF-8 included), sometimes a NUL.
    bytes: fc.array(
      fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: 1, max: 255 }) },
        { weight: 1, arbitrary: fc.constant(0) },
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
  }),
  fc.record({
    kind: fc.constant('answer' as const),
    which: position,
    mode: fc.constantFrom('remove' as const, 'duplicate' as const, 'inline' as const),
  }),
  fc.record({
    kind: fc.constant('renumber' as const),
    which: position,
    value: fc.integer({ min: -2, max: 40 }),
    all: fc.boolean(),
  }),
  fc.record({ kind: fc.constantFrom('empty' as const, 'truncate' as const), at: position }),
);

/** Applies one operation to a report held as a latin1 string (one char per byte, so any bytes survive). */
function apply(s: string, o: Op): string {
  const lines = s.split('\n');
  const at = (n: number) => n % lines.length;
  switch (o.kind) {
    case 'delete':
      lines.splice(at(o.at), o.count);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(at(o.at), 0, ...lines.slice(at(o.at), at(o.at) + o.count));
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [at(o.a), at(o.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'eol': {
      const bare = s.replace(/\r\n?/g, '\n');
      if (o.style === 'crlf') return bare.replace(/\n/g, '\r\n');
      if (o.style === 'cr') return bare.replace(/\n/g, '\r');
      let i = 0;
      return bare.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3] ?? '\n');
    }
    case 'bom':
      return insert(s, o.at, '\xef\xbb\xbf');
    case 'tabs':
      for (let i = at(o.at); i < Math.min(lines.length, at(o.at) + o.count); i++) lines[i] = `\t${lines[i]}`;
      return lines.join('\n');
    case 'bytes':
      return insert(s, o.at, String.fromCharCode(...o.bytes));
    case 'answer': {
      const answers = lines.flatMap((line, i) => (line.includes('Answer:') ? [i] : []));
      const target = answers[o.which % Math.max(1, answers.length)];
      if (o.mode === 'inline' || target === undefined) lines[at(o.which)] += ' and Answer: again';
      else if (o.mode === 'remove') lines.splice(target, 1);
      else lines.splice(target, 0, lines[target] ?? '');
      return lines.join('\n');
    }
    case 'renumber': {
      const heading = /^(#+ *Question +)(\d+)/;
      const headings = lines.flatMap((line, i) => (heading.test(line) ? [i] : []));
      const targets = o.all ? headings : headings.slice(o.which % Math.max(1, headings.length)).slice(0, 1);
      for (const i of targets)
        lines[i] = (lines[i] ?? '').replace(heading, (_, head, n) => `${head}${Number(n) + o.value}`);
      return lines.join('\n');
    }
    case 'huge': {
      const answer = lines.findIndex((line, i) => line.includes('Answer:') && i >= at(o.which));
      lines.splice(
        answer === -1 ? at(o.which) : answer + 1,
        0,
        '',
        o.filler.repeat(Math.ceil(200_000 / o.filler.length)),
        '',
      );
      return lines.join('\n');
    }
    case 'empty':
      return '';
    case 'truncate':
      return s.slice(0, o.at % (s.length + 1));
  }
}

function insert(s: string, at: number, text: string): string {
  const offset = at % (s.length + 1);
  return s.slice(0, offset) + text + s.slice(offset);
}

function mutate(base: string, ops: Op[]): Uint8Array {
  let s = Buffer.from(base, 'utf8').toString('latin1');
  for (const o of ops) s = apply(s, o);
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

const bases = baseReports();
const baseIndex = fc.nat({ max: bases.length - 1 });

describe('checkReport robustness', () => {
  it('should hold every invariant on the generated reports themselves', () => {
    for (const base of bases) expectInvariants(utf8(base));
    for (const base of bases) expectInvariants(utf8(base), null);
  });

  it('should hold every invariant on mutated reports (lines, line ends, BOM, tabs, bytes, Answer:, headings)', () => {
    fc.assert(
      fc.property(
        baseIndex,
        fc.array(op, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (index, ops, withFiles) => {
          expectInvariants(mutate(bases[index] ?? '', ops), withFiles ? FILES : null);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('should hold every invariant with a huge answer (200 KB in one answer)', () => {
    const filler = fc.constantFrom(
      'lorem ',
      'ipsum\n',
      'x',
      '![s](figures/shot.png) ',
      'Answer: ',
      'ø\u00a0',
    );
    fc.assert(
      fc.property(baseIndex, position, filler, (index, which, text) => {
        const huge: Op = { kind: 'huge', which, filler: Buffer.from(text, 'utf8').toString('latin1') };
        expectInvariants(mutate(bases[index] ?? '', [huge]));
      }),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('should hold every invariant on arbitrary bytes and arbitrary text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expectInvariants(bytes);
      }),
      { seed: SEED, numRuns: 150 },
    );
    const markdownish = fc.constantFrom(
      '### Question 3',
      '> Answer:',
      'Answer:',
      '---',
      '##',
      '\n',
      '\r',
      '\r\n',
      '\t',
      '![a](b.png)',
      '```',
      '> ',
      '- ',
      '[',
      '\u00a0',
      '\ufeff',
      'word',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 200 }),
        (parts) => {
          expectInvariants(utf8(parts.join('')));
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('should keep findings about a missing last question inside a file that ends with a newline', () => {
    // A file ending in "\n" has no line after that newline (`wc -l` agrees): "Hello\n" is one line.
    expectInvariants(utf8('Hello\n'));
    const lastMissing = makePassingReport('2026').replace(/### Question 31\n[^]*$/, '');
    expectInvariants(utf8(lastMissing));
    expectInvariants(utf8(`${makeReport('2026', {}, 30)}### Question 31\n> **Prompt?**\n>\n> Answer:\n`));
  });

  it('should refuse with a RunError exactly a NUL byte or over 1 MiB', () => {
    const report = makePassingReport('2026');
    expectInvariants(utf8(report.replace('Question 5', 'Question\u00005')));
    const padding = 'a'.repeat(MAX_BYTES - utf8(report).length - 1);
    expectInvariants(utf8(`${report}${padding}`)); // exactly 1 MiB - 1: checked
    expectInvariants(utf8(`${report}${padding}b`)); // exactly 1 MiB: checked
    expectInvariants(utf8(`${report}${padding}bc`)); // 1 MiB + 1: refused
    expect(() => checkReport({ path: 'reports/README.md', content: utf8(`${report}${padding}bc`) })).toThrow(
      RunError,
    );
  });

  it('should find the same answers whatever the line ends, and keep findings inside the file', () => {
    for (const edition of ['2024', '2026'] as Edition[]) {
      const lf = makeReport(edition, { 3: words(10), 14: '![a](figures/none.png)' });
      const results = [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')].map((text) =>
        checkReport({ path: 'reports/README.md', content: utf8(text), files: FILES }),
      );
      for (const result of results.slice(1)) {
        expect(result.courseChecker).toEqual(results[0]?.courseChecker);
        expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual(
          results[0]?.diagnostics.map((d) => [d.ruleId, d.line]),
        );
      }
    }
  });

  // Each shape once took seconds to minutes in a backtracking pattern or a quadratic loop; a linear check finishes
  // them long before the test's time runs out. Correctness on each: the invariants, and the question is found.
  describe('on 1 MiB adversarial reports', () => {
    for (const [name, shape] of Object.entries(ADVERSARIAL_SHAPES)) {
      it(`should check ${name}`, () => {
        const content = utf8(shape(MAX_BYTES));
        expect(content.length).toBeLessThanOrEqual(MAX_BYTES);
        const result = expectInvariants(content);
        if (result === null) throw new Error('a 1 MiB adversarial report was refused');
        expect(result.questions.find((q) => q.number === 1)?.status).not.toBe('missing');
        // Bounded output: no rule lists more than its cap (and the summaries of what it did not list).
        const perRule = new Map<string, number>();
        for (const d of result.diagnostics) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
        for (const [ruleId, n] of perRule)
          expect({ ruleId, n, ok: n <= MAX_PER_RULE + 1 }).toMatchObject({ ok: true });
      }, 120_000);
    }
  });
});
