import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The committed bundle run as a real process (CI rebuilds dist/ and fails on any difference from src/).
const cli = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const report = fileURLToPath(new URL('../fixtures/cli/template-2026.md', import.meta.url));

describe('dist/cli.cjs as a process', () => {
  it('should say in one line that it cannot write its output, and exit 2', () => {
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [cli, '--format', 'json', report], {
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^report-check: could not write the output: ENOSPC[^\n]*\n$/);
    } finally {
      closeSync(full);
    }
  });

  // The bundle keeps only the version of package.json (scripts/build.mjs): it must still be this package's.
  it('should print the version in package.json on --version', () => {
    const { version } = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    ) as { version: string };
    const result = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(result).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('should exit 1 on findings at the fail level and print them on stdout', () => {
    // --strict: the blank template's unanswered questions become errors.
    const result = spawnSync(process.execPath, [cli, '--strict', report], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/template-2026\.md: \d+ errors?, /);
    expect(result.stderr).toBe('');
  });

  // Whether stdout is a terminal is answered by stat for anything but a character device (src/cli.ts).
  it('should colour its findings on a terminal only, not into a file or /dev/null', () => {
    const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, TERM: 'xterm' };
    // util-linux's script(1) runs the command with a pseudo-terminal as its stdout.
    const onTerminal = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${cli}" --strict "${report}"`, '/dev/null'],
      {
        encoding: 'utf8',
        env,
      },
    );
    expect(onTerminal.stdout).toContain('\u001b[31merror\u001b[0m');
    const dir = mkdtempSync(join(tmpdir(), 'report-check-tty-'));
    try {
      const file = openSync(join(dir, 'out.txt'), 'w');
      const toFile = spawnSync(process.execPath, [cli, '--strict', report], {
        stdio: ['ignore', file, 'pipe'],
        env,
      });
      closeSync(file);
      const text = readFileSync(join(dir, 'out.txt'), 'utf8');
      expect(text).toContain('error Question 1 is not answered yet');
      expect(text).not.toContain('\u001b[');
      expect(toFile.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const toNull = spawnSync(process.execPath, [cli, '--strict', report], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
      encoding: 'utf8',
    });
    expect(toNull.status).toBe(1);
    expect(toNull.stderr).toBe('');
  });

  // `cohort` runs in a chunk of its own (dist/cohort.cjs), whose usage errors are thrown by its own copy of the class.
  it.each([
    [['cohort'], 'cohort needs at least one SOURCE (see cohort --help)'],
    [['cohort', 'groups', '--format', 'xml'], '--format: unknown value "xml"'],
    [['cohort', 'groups', '--edition', '2027'], '--edition'],
  ])('should say what is wrong with `%s` in one line, not as an internal error', (args, said) => {
    const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^report-check: [^\n]*\n$/);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain(said);
  });
});

describe('dist/cli.cjs over many reports', () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-check-many-'));
    const template = readFileSync(report, 'utf8');
    files = Array.from({ length: 24 }, (_, i) => {
      const path = join(dir, `g${i}`, 'reports', 'README.md');
      mkdirSync(join(dir, `g${i}`, 'reports'), { recursive: true });
      const text = i % 4 === 1 ? template.replace(/fill here/g, 'word '.repeat(i * 7)) : template;
      writeFileSync(path, i % 6 === 5 ? 'binary\0file' : text);
      return path;
    });
    files.splice(7, 0, join(dir, 'missing', 'README.md'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });

  it('should print on two threads the bytes of one report at a time, with the same exit status', () => {
    const many = run(['--threads', '2', '--strict', ...files]);
    const alone = files.map((file) => run(['--strict', file]));
    const lines = many.stdout.split('\n');
    const total = lines.splice(-2, 1)[0];
    expect(lines.join('\n')).toBe(alone.map((single) => single.stdout).join(''));
    expect(total).toMatch(/^25 reports, 5 could not be checked: /);
    expect(many.stderr).toBe(alone.map((single) => single.stderr).join(''));
    expect(many.status).toBe(2);
  });

  it('should print the same JSON on one thread and on two', () => {
    const one = run(['--threads', '1', '--format', 'json', ...files]);
    const two = run(['--threads', '2', '--format', 'json', ...files]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.status).toBe(one.status);
    expect(JSON.parse(two.stdout).files).toHaveLength(20);
  });
});

describe('dist/cli.cjs output', () => {
  // The output is encoded to UTF-8 in 64 KiB pieces (src/cli.ts): characters of 2, 3 and 4 bytes (a surrogate
  // pair) fall across the pieces' ends somewhere in a few hundred KB of them, and must come out whole.
  it('should print non-ASCII text of any length whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-check-utf8-'));
    try {
      const names = Array.from(
        { length: 40 },
        (_, i) => `gr\u00e9-\u6f22-\u{1f600}-${'\u00e9\u{1f600}'.repeat(i % 7)}-${i}`,
      );
      const files = names.map((name) => {
        mkdirSync(join(dir, name));
        writeFileSync(join(dir, name, 'README.md'), readFileSync(report));
        return `${name}/README.md`;
      });
      // About 1.1 MB of JSON: past spawnSync's default maxBuffer (1 MiB), which kills the run and cuts its output.
      const result = spawnSync(process.execPath, [cli, '--format', 'json', ...files], {
        cwd: dir,
        maxBuffer: 16 * 1024 * 1024,
      });
      expect(result.signal).toBeNull();
      expect(result.stdout.length).toBeGreaterThan(3 * 64 * 1024);
      const document = JSON.parse(result.stdout.toString('utf8')) as { files: { path: string }[] };
      expect(document.files.map((file) => file.path)).toEqual(files);
      expect(Buffer.from(result.stdout.toString('utf8')).equals(result.stdout)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dist/cli.cjs code cache', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'report-check-cache-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const run = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, [cli, '--format', 'json', report], {
      encoding: 'utf8',
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
    });
  const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8'));
  /** What the caches in `folder` are of: `cli` (the bundle), `markdown`, `html`... */
  const cacheKinds = (folder: string) =>
    cacheFiles(folder)
      .map((name) => name.replace(/-v\d+\.\d+\.\d+-\w+-[0-9a-f]{16}-[0-9a-z]+\.[0-9a-z]+\.v8$/, ''))
      .sort();

  it('should print the same findings with no cache, a new cache and a kept cache', () => {
    const plain = run({ XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(existsSync(join(home, 'report-check'))).toBe(false);
    const first = run({ XDG_CACHE_HOME: home });
    // The bundle's cache only: a plain check requires no chunk.
    expect(cacheKinds(join(home, 'report-check'))).toEqual(['cli']);
    // A cache V8 refused, or one not read, would be written again: a new file under the same name.
    const written = cacheFiles(join(home, 'report-check')).map(
      (name) => statSync(join(home, 'report-check', name)).ino,
    );
    const second = run({ XDG_CACHE_HOME: home });
    expect(
      cacheFiles(join(home, 'report-check')).map((name) => statSync(join(home, 'report-check', name)).ino),
    ).toEqual(written);
    for (const result of [first, second]) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(plain.status);
      expect(result.stdout).toBe(plain.stdout);
    }
    expect(JSON.parse(plain.stdout)).toBeTruthy();
  });

  // The launcher takes node's modules from process.getBuiltinModule where node has it (20.16+, 22.3+), else
  // from require(): a node without it must check the same, cache and all.
  it('should check the same on a node without process.getBuiltinModule', () => {
    const preload = join(home, 'no-get-builtin-module.cjs');
    writeFileSync(preload, 'delete process.getBuiltinModule;\n');
    const plain = run({ XDG_CACHE_HOME: home });
    const older = () =>
      spawnSync(process.execPath, ['--require', preload, cli, '--format', 'json', report], {
        encoding: 'utf8',
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: join(home, 'older') },
      });
    for (const result of [older(), older()]) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(plain.status);
      expect(result.stdout).toBe(plain.stdout);
    }
    expect(cacheKinds(join(home, 'older', 'report-check'))).toEqual(['cli']);
  });

  // A cache is kept while the bundle is unchanged: one made without the checking code would slow every check.
  it('should write no cache from a run that checked nothing, and write it with the first check', () => {
    const env = { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: home };
    for (const args of [['--version'], ['--help'], ['--no-such-option']])
      spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
    expect(cacheFiles(join(home, 'report-check'))).toEqual([]);
    run({ XDG_CACHE_HOME: home });
    expect(cacheKinds(join(home, 'report-check'))).toEqual(['cli']);
  });

  // Micromark reads only the blocks the line scan cannot (here an image inside a link in a list item).
  it('should cache the markdown chunk of a report that needs it, and print the same with the cache', () => {
    const withHtml = join(home, 'html.md');
    const template = readFileSync(report, 'utf8');
    writeFileSync(
      withHtml,
      template.replace(/Answer:\n/, 'Answer:\n\n* [a link ![x](figures/x.png)](elsewhere.md)\n'),
    );
    const runOn = (env: Record<string, string | undefined>) =>
      spawnSync(process.execPath, [cli, '--format', 'json', withHtml], {
        encoding: 'utf8',
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
      });
    const plain = runOn({ NODE_DISABLE_COMPILE_CACHE: '1' });
    const first = runOn({ XDG_CACHE_HOME: home });
    expect(cacheKinds(join(home, 'report-check'))).toEqual(['cli', 'markdown']);
    const second = runOn({ XDG_CACHE_HOME: home });
    for (const result of [first, second]) {
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(plain.stdout);
    }
    // The image is looked up, so the block was read.
    expect(plain.stdout).toContain('figures/x.png');
  });

  it('should keep the three newest other builds for this node, and drop what is a month old', () => {
    const folder = join(home, 'report-check');
    mkdirSync(folder, { mode: 0o700 });
    const old = (name: string, daysAgo: number) => {
      const path = join(folder, name);
      writeFileSync(path, 'an older cache');
      const when = Date.now() / 1000 - daysAgo * 86400;
      utimesSync(path, when, when);
    };
    const build = (node: string, day: number) => `cli-${node}-${process.arch}-${'0'.repeat(15)}${day}-1.1.v8`;
    for (let day = 1; day <= 5; day += 1) old(build(process.version, day), day);
    for (let day = 1; day <= 5; day += 1) old(build('v20.0.0', day), day);
    old(build('v20.0.0', 6).replace('-1.1.', '-1.2.'), 40);
    old(`${build(process.version, 7)}.123.tmp`, 40);
    old(`markdown-v20.0.0-x64-${'0'.repeat(16)}-1.1.v8`, 40);
    old('notes.txt', 40);
    run({ XDG_CACHE_HOME: home });
    // Every file made here has a hash of zeros; what this run wrote has its own.
    const left = readdirSync(folder).filter((name) => name.includes('0'.repeat(15)) || name === 'notes.txt');
    expect(left.sort()).toEqual(
      [
        ...[1, 2, 3].map((day) => build(process.version, day)),
        ...[1, 2, 3, 4, 5].map((day) => build('v20.0.0', day)),
        // Of a kind this run did not write.
        `markdown-v20.0.0-x64-${'0'.repeat(16)}-1.1.v8`,
        'notes.txt',
      ].sort(),
    );
  });

  // V8 checks only a source's length against a cache: a file changed after the build must not run the old code.
  it('should not run cached code for a bundle changed after the build, even at the same length', () => {
    const dist = join(home, 'dist');
    cpSync(dirname(cli), dist, { recursive: true });
    const runCopy = () =>
      spawnSync(process.execPath, [join(dist, 'cli.cjs'), report], {
        encoding: 'utf8',
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: home },
      });
    expect(runCopy().stdout).toContain('is not answered yet');
    const bundle = join(dist, 'cli-main.cjs');
    writeFileSync(
      bundle,
      readFileSync(bundle, 'utf8').replaceAll('is not answered yet', 'IS NOT ANSWERED YET'),
    );
    const later = Date.now() / 1000 + 60;
    utimesSync(bundle, later, later);
    const changed = runCopy();
    expect(changed.stdout).toContain('IS NOT ANSWERED YET');
    expect(changed.stdout).not.toContain('is not answered yet');
  });

  it('should cache the html chunk of `report-check html`', () => {
    const result = spawnSync(process.execPath, [cli, 'html', report], {
      encoding: 'utf8',
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, XDG_CACHE_HOME: home },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('<html');
    expect(cacheKinds(join(home, 'report-check'))).toContain('html');
  });

  it('should check normally and replace a cache file that V8 refuses', () => {
    const plain = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    run({ XDG_CACHE_HOME: home });
    const name = cacheFiles(join(home, 'report-check')).find((file) => file.startsWith('cli-'));
    const path = join(home, 'report-check', name ?? '');
    writeFileSync(path, 'not a code cache');
    const result = run({ XDG_CACHE_HOME: home });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(plain.stdout);
    expect(statSync(path).size).toBeGreaterThan(1000);
  });

  it('should not use a cache folder that others may write to, and still check', () => {
    const plain = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    const folder = join(home, 'report-check');
    mkdirSync(folder, { mode: 0o777 });
    chmodSync(folder, 0o777);
    const result = run({ XDG_CACHE_HOME: home });
    expect(result.stdout).toBe(plain.stdout);
    expect(cacheFiles(folder)).toEqual([]);
  });

  it('should still check when the cache folder cannot be made', () => {
    const plain = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    const blocked = join(home, 'a-file');
    writeFileSync(blocked, '');
    const result = run({ XDG_CACHE_HOME: blocked });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(plain.stdout);
  });
});
