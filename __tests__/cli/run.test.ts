import type { FileLookup } from '../../src/validate/images.js';
import type { GitRunner } from '../../src/cli/git-files.js';
import type { CheckInput } from '../../src/check.js';
import { runCli, useColor, type CliDeps } from '../../src/cli/run.js';
import type { Constraints, Engine } from '../../src/engine.js';
import { RunError } from '../../src/errors.js';
import type { CheckResult } from '../../src/result.js';
import { RULES } from '../../src/rules/index.js';
import { cleanResult, sampleDiagnostic, sampleResult } from '../output/sample-results.js';
import { fakeThreads } from './fake-threads.js';
import { memoryFileSystem } from './memory-file-system.js';

/** A stand-in engine: the report's text says what it finds (CLEAN, ERROR, WARNING, NOTICE, BINARY, BUG). */
function fakeEngine(seen: CheckInput[] = []): Engine {
  return {
    checkReport(input) {
      seen.push(input);
      const text =
        typeof input.content === 'string' ? input.content : new TextDecoder().decode(input.content);
      if (text.includes('BINARY')) throw new RunError(`${input.path}: binary file (contains NUL bytes)`);
      if (text.includes('BUG')) throw new TypeError('x is undefined\n    at somewhere');
      const base: CheckResult = text.includes('CLEAN')
        ? cleanResult(input.path)
        : sampleResult({ path: input.path });
      const severity = text.includes('WARNING') ? 'warning' : text.includes('NOTICE') ? 'notice' : 'error';
      return text.includes('CLEAN')
        ? base
        : { ...base, diagnostics: [sampleDiagnostic({ severity, path: input.path, line: 3, column: 1 })] };
    },
    loadConstraints(text, source) {
      try {
        JSON.parse(text);
      } catch {
        throw new RunError(`${source}: invalid JSON at line 1, column 1`);
      }
      return { source } as unknown as Constraints;
    },
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  seen: CheckInput[];
}

async function run(
  argv: string[],
  files: Record<string, string | Uint8Array>,
  overrides: Partial<CliDeps> = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const seen: CheckInput[] = [];
  const code = await runCli(argv, {
    fs: memoryFileSystem(files),
    engine: fakeEngine(seen),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    env: {},
    cwd: '/repo',
    version: '9.8.7',
    ...overrides,
  });
  return { code, stdout, stderr, seen };
}

const repo = {
  '/repo/.git/HEAD': 'ref: refs/heads/main\n',
  '/repo/reports/README.md': 'ERROR',
  '/repo/reports/figures/a.png': 'png',
  '/repo/reports/node_modules/x/y.png': 'png',
  '/repo/src/main.py': 'print(1)',
};

describe('runCli: checking', () => {
  it('should print the word budget per question and no findings with --summary', async () => {
    const { stdout, code } = await run(['--summary'], repo);
    expect(stdout).toContain('        14  187/200–300 -13  1/1–3   out of range\n');
    expect(stdout).not.toContain('[word-count]');
    expect(stdout).toMatch(/course checker: fail on 14 \(words -13\)\n$/);
    expect(code).toBe(1);
  });

  it('should refuse an empty FILE argument in one line, not check the folder as `.`', async () => {
    const { stdout, stderr, code } = await run(['reports/README.md', ''], repo);
    expect(stderr).toBe('report-check: an empty FILE argument; name the report to check\n');
    expect([stdout, code]).toEqual(['', 2]);
  });

  it('should refuse --fix with --fix-dry-run, in one line, and change nothing', async () => {
    const { stdout, stderr, code } = await run(['--fix', '--fix-dry-run'], repo);
    expect(stderr).toBe(
      'report-check: --fix and --fix-dry-run: choose one (--fix-dry-run changes nothing)\n',
    );
    expect([stdout, code]).toEqual(['', 2]);
  });

  it('should refuse --summary with a format other than text, in one line', async () => {
    const { stderr, code } = await run(['--summary', '--format', 'json'], repo);
    expect(stderr).toBe('report-check: --summary is text output, not --format json\n');
    expect(code).toBe(2);
  });

  it('should check reports/README.md when no file is given', async () => {
    const { seen } = await run([], repo);
    expect(seen.map((input) => input.path)).toEqual(['reports/README.md']);
  });

  it('should exit 0 and print a summary for a report without findings', async () => {
    const result = await run([], { ...repo, '/repo/reports/README.md': 'CLEAN' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'reports/README.md: no findings; edition 2024 (detected); course checker: pass\n',
    );
    expect(result.stderr).toBe('');
  });

  it('should exit 1 and print path:line:col lines when a report has an error', async () => {
    const result = await run(['reports/README.md'], repo);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      'reports/README.md:3:1 error Question 14 has 187 words; it needs 200–300, so add at least 13. [word-count]',
    );
  });

  it('should exit 0 on warnings unless --fail-on warning', async () => {
    const files = { ...repo, '/repo/reports/README.md': 'WARNING' };
    expect((await run([], files)).code).toBe(0);
    expect((await run(['--fail-on', 'warning'], files)).code).toBe(1);
    expect((await run(['--fail-on=warning'], { ...repo, '/repo/reports/README.md': 'NOTICE' })).code).toBe(0);
  });

  it('should exit 0 on errors with --fail-on never', async () => {
    expect((await run(['--fail-on', 'never'], repo)).code).toBe(0);
  });

  it('should give the engine the path and image files relative to the repository root', async () => {
    const { seen } = await run(['../reports/README.md'], repo, { cwd: '/repo/src' });
    expect(seen[0]?.path).toBe('reports/README.md');
    const files = seen[0]?.files as FileLookup;
    expect(files.has('reports/figures/a.png')).toBe(true);
    expect(files.has('figures/a.png')).toBe(false);
  });

  it('should show paths as the user typed them, not as the engine saw them', async () => {
    const result = await run(['./README.md'], repo, { cwd: '/repo/reports' });
    expect(result.seen[0]?.path).toBe('reports/README.md');
    expect(result.stdout).toMatch(/^README\.md:3:1 error /);
  });

  it('should take the report folder parent as the root when there is no .git', async () => {
    const { seen } = await run(['/cohort/g1/reports/README.md'], {
      '/cohort/g1/reports/README.md': 'CLEAN',
      '/cohort/g1/reports/figures/b.png': 'png',
    });
    expect(seen[0]?.path).toBe('reports/README.md');
    expect((seen[0]?.files as FileLookup).has('reports/figures/b.png')).toBe(true);
  });

  it('should pass --edition, --strict and a --schema to the engine', async () => {
    const { seen, code } = await run(['--edition', '2025', '--strict', '--schema', 'my.json'], {
      ...repo,
      '/repo/my.json': '{}',
    });
    expect(code).toBe(1);
    expect(seen[0]).toMatchObject({ edition: '2025', strict: true, constraints: { source: 'my.json' } });
  });

  it('should ask git for the files once per repository, however many of its reports a run checks', async () => {
    const asked: string[] = [];
    const git: GitRunner = (args, cwd) => {
      asked.push(`${cwd} ${args[0]}`);
      return { status: 0, stdout: 'reports/figures/a.png\0' };
    };
    const { seen } = await run(
      ['/repo/reports/README.md', '/repo/reports/b.md', '/other/reports/README.md', '/other/reports/c.md'],
      {
        ...repo,
        '/repo/reports/b.md': 'CLEAN',
        '/other/.git/HEAD': 'ref: refs/heads/main\n',
        '/other/reports/README.md': 'CLEAN',
        '/other/reports/c.md': 'CLEAN',
        '/other/reports/figures/z.png': 'png',
      },
      { git },
    );
    const files = seen.map((input) => input.files as FileLookup);
    expect(files.map((lookup) => lookup.has('reports/figures/a.png'))).toEqual([true, true, true, true]);
    expect(files.map((lookup) => lookup.has('reports/figures/z.png'))).toEqual([false, false, false, false]);
    expect(asked).toEqual(['/repo ls-files', '/other ls-files']);
  });

  it('should check a file given twice only once', async () => {
    expect((await run(['reports/README.md', './reports/README.md'], repo)).seen).toHaveLength(1);
  });
});

describe('runCli: many files', () => {
  const cohort = {
    '/c/a/reports/README.md': 'CLEAN',
    '/c/b/reports/README.md': 'BINARY',
    '/c/d/reports/README.md': 'ERROR',
  };

  it('should keep checking after a report that cannot be read, and exit 2', async () => {
    const result = await run(
      ['a/reports/README.md', 'b/reports/README.md', 'x/README.md', 'd/reports/README.md'],
      cohort,
      {
        cwd: '/c',
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'report-check: b/reports/README.md: binary file (contains NUL bytes)\n' +
        'report-check: x/README.md: no such file\n',
    );
    expect(result.stdout).toContain('a/reports/README.md: no findings');
    expect(result.stdout).toContain('d/reports/README.md:3:1 error');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      '4 reports, 2 could not be checked: 1 error, 0 warnings, 0 notices; course checker: 1 pass, 1 fail, 0 crash',
    );
  });

  it('should put every report in one JSON document and the unreadable ones under errors', async () => {
    const result = await run(
      ['--format', 'json', 'a/reports/README.md', 'b/reports/README.md', 'd/reports/README.md'],
      cohort,
      {
        cwd: '/c',
      },
    );
    const doc = JSON.parse(result.stdout);
    expect(doc.files.map((file: { path: string }) => file.path)).toEqual([
      'a/reports/README.md',
      'd/reports/README.md',
    ]);
    expect(doc.errors).toEqual([
      { path: 'b/reports/README.md', message: 'binary file (contains NUL bytes)' },
    ]);
    expect(result.code).toBe(2);
  });

  it('should report an engine bug on one file as one line and go on', async () => {
    const result = await run(
      ['a/reports/README.md', 'bug.md'],
      { ...cohort, '/c/bug.md': 'BUG' },
      { cwd: '/c' },
    );
    expect(result.stderr).toBe('report-check: bug.md: internal error: x is undefined\n');
    expect(result.stdout).toContain('a/reports/README.md: no findings');
    expect(result.code).toBe(2);
  });
});

describe('runCli: bad input', () => {
  it.each([
    [['reports/README.md'], {}, 'report-check: reports/README.md: no such file\n'],
    [['reports'], repo, 'report-check: reports: is a directory, not a file\n'],
    [
      [],
      { '/repo/reports/README.md': new Uint8Array(1024 * 1024 + 1) },
      'report-check: reports/README.md: too large (1048577 bytes; the limit is 1 MiB)\n',
    ],
    [['--bogus'], repo, 'report-check: unknown option --bogus (see --help)\n'],
    [['--threads', '0'], repo, 'report-check: --threads: expected a number from 1 to 999, got "0"\n'],
    [
      ['--format', 'xml'],
      repo,
      'report-check: --format: unknown value "xml" (expected text, json, sarif, github)\n',
    ],
    [
      ['--edition', '2019'],
      repo,
      'report-check: --edition: unknown value "2019" (expected auto, 2023, 2024, 2025, 2026)\n',
    ],
    [
      ['--fail-on', 'notice'],
      repo,
      'report-check: --fail-on: unknown value "notice" (expected error, warning, never)\n',
    ],
    [['--format'], repo, 'report-check: --format needs a value\n'],
    [['--strict=yes'], repo, 'report-check: --strict does not take a value\n'],
    [['--schema', 'nope.json'], repo, 'report-check: nope.json: no such file\n'],
    [
      ['--schema', 'bad.json'],
      { ...repo, '/repo/bad.json': '{' },
      'report-check: bad.json: invalid JSON at line 1, column 1\n',
    ],
  ])('should exit 2 with one line for %j', async (argv, files, stderr) => {
    const result = await run(argv, files);
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(2);
  });

  it('should fold a multi-line schema error onto one line', async () => {
    const engine = fakeEngine();
    const result = await run(
      ['--schema', 's.json'],
      { ...repo, '/repo/s.json': '{' },
      {
        engine: {
          ...engine,
          loadConstraints: () => {
            throw new RunError('s.json: invalid JSON: Unexpected token, "{\n  x\n}" is not valid JSON');
          },
        },
      },
    );
    expect(result.stderr).toBe(
      'report-check: s.json: invalid JSON: Unexpected token, "{ x }" is not valid JSON\n',
    );
  });

  it('should check nothing when the schema is invalid', async () => {
    const result = await run(['--schema', 'bad.json'], { ...repo, '/repo/bad.json': 'nope' });
    expect(result.seen).toEqual([]);
    expect(result.stdout).toBe('');
  });
});

describe('runCli: help and version', () => {
  it('should print usage on --help and -h and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await run([flag], {});
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: report-check \[options\] \[FILE\.\.\.\]/);
      expect(result.stdout).toContain('--fail-on error|warning|never');
    }
  });

  it('should print the version on --version', async () => {
    expect(await run(['--version'], {})).toMatchObject({ code: 0, stdout: '9.8.7\n' });
  });

  it('should list every rule with its severity and summary on --list-rules', async () => {
    const result = await run(['--list-rules'], {});
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(lines).toContainEqual(
      expect.stringMatching(/^word-count +error +words outside the question's range/),
    );
  });

  it('should print the registry as JSON on --list-rules --format json', async () => {
    const result = await run(['--list-rules', '--format', 'json'], {});
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as { id: string; docs: string }[];
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(rules[0]?.docs).toMatch(/\/docs\/rules\/[a-z-]+\.md$/);
  });

  it('should refuse --list-rules in a format other than text or json', async () => {
    const result = await run(['--list-rules', '--format', 'sarif'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format: unknown value "sarif" (expected text, json)');
  });
});

describe('runCli: formats', () => {
  it('should print workflow commands with --format github', async () => {
    const result = await run(['--format', 'github'], repo);
    expect(result.stdout).toMatch(/^::error file=reports\/README\.md,line=3,/);
    expect(result.code).toBe(1);
  });

  it('should annotate an unreadable report with --format github', async () => {
    const result = await run(['--format', 'github', 'missing.md'], repo);
    expect(result.stdout).toBe('::error file=missing.md,title=report-check::Could not check: no such file\n');
  });

  it('should print a SARIF log with the version with --format sarif', async () => {
    const log = JSON.parse((await run(['--format', 'sarif'], repo)).stdout);
    expect(log.runs[0].tool.driver.version).toBe('9.8.7');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'reports/README.md',
    );
  });

  it('should colour text on a terminal only', async () => {
    expect((await run([], repo, { isTTY: true })).stdout).toContain('\u001b[31merror');
    expect((await run([], repo, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run([], repo, { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
  });
});

describe('report-check cohort', () => {
  it('should load the cohort command on demand and print a row per group, with progress on stderr', async () => {
    const result = await run(['cohort', '--format', 'csv', 'g1', 'g2'], {
      '/repo/g1/reports/README.md': 'CLEAN',
      '/repo/g2/reports/README.md': 'ERROR',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^g1\/reports\/README\.md,/);
    expect(lines[2]).toMatch(/^g2\/reports\/README\.md,/);
    expect(result.stderr).toBe(
      'report-check: 1 of 2 sources read (50%)\nreport-check: 2 of 2 sources read (100%)\n',
    );
  });

  it('should answer a bad cohort option in one line with exit status 2', async () => {
    const result = await run(['cohort'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('report-check: cohort needs at least one SOURCE (see cohort --help)\n');
  });
});

describe('useColor', () => {
  it('should let FORCE_COLOR win over NO_COLOR, and FORCE_COLOR=0 turn colour off', async () => {
    expect(useColor(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(useColor(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColor(true, { NO_COLOR: '' })).toBe(true);
    expect(useColor(true, { TERM: 'dumb' })).toBe(false);
  });
});

describe('runCli: helper threads', () => {
  const cohort = Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [
      `/c/g${i}/reports/README.md`,
      ['CLEAN', 'ERROR', 'WARNING', 'BINARY', 'BUG'][i % 5] ?? '',
    ]),
  );
  const files = [...Object.keys(cohort), '/c/missing/README.md'];

  it.each(['text', 'json', 'github', 'sarif'])(
    'should print the same bytes and exit status with --format %s as on one thread',
    async (format) => {
      const alone = await run(['--format', format, ...files], cohort, { cwd: '/c' });
      const fs = memoryFileSystem(cohort);
      const started: unknown[] = [];
      const shared = await run(['--format', format, ...files], cohort, {
        cwd: '/c',
        fs,
        threads: fakeThreads({ fs, engine: fakeEngine() }, 2, started),
      });
      expect(started).toHaveLength(1);
      expect(shared.stdout).toBe(alone.stdout);
      expect(shared.stderr).toBe(alone.stderr);
      expect(shared.code).toBe(alone.code);
      // The helpers did check some: the engine of this thread saw fewer reports.
      expect(shared.seen.length).toBeLessThan(alone.seen.length);
    },
  );

  it('should check every report on this thread with a custom schema', async () => {
    const started: unknown[] = [];
    const fs = memoryFileSystem({ ...cohort, '/c/my.json': '{}' });
    const result = await run(['--schema', 'my.json', ...files], cohort, {
      cwd: '/c',
      fs,
      threads: fakeThreads({ fs, engine: fakeEngine() }, 1, started),
    });
    expect(started).toEqual([]);
    expect(result.seen).toHaveLength(30);
  });
});
