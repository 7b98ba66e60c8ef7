// `--fix` and `--fix-dry-run` over the real engine and the real file system, in a temporary folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport } from '../../src/check.js';
import { nodeFileSystem } from '../../src/cli/node-file-system.js';
import { runCli } from '../../src/cli/run.js';
import { makeReport, words } from '../support/report.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-check-fix-'));
  mkdirSync(join(dir, 'reports'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], fs = nodeFileSystem) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    fs,
    engine: { checkReport, loadConstraints: () => Promise.reject(new Error('unused')) },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env: {},
    cwd: dir,
    version: '0.0.0',
  });
  return { code, stdout, stderr };
}

const path = () => join(dir, 'reports/README.md');
// Question 4 allows 100–200 words: removing its markers takes it from 102 to 100.
const marked = (q4 = 100) => makeReport('2026', { 4: `--- ${words(q4)} ---`, 5: `${words(120)}\n---` });
const fixed = () => makeReport('2026', { 4: words(100), 5: `${words(120)}\n\n---` });

describe('report-check --fix', () => {
  it('should fix the report in place, say what changed with what it leaves, then check the result', async () => {
    writeFileSync(path(), marked());
    const { code, stdout } = await cli(['--fix', 'reports/README.md']);
    expect(readFileSync(path(), 'utf8')).toBe(fixed());
    expect(stdout).toContain('reports/README.md: fixed 2 findings');
    expect(stdout).toContain(
      "Remove the template's `---` markers [template-marker] (Question 4 then has 100 words, within its 100–200)",
    );
    // The check of the result: no marker left, no temp file left beside the report.
    expect(stdout).not.toMatch(/template-marker\]$/m);
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['README.md']);
    // A second --fix changes nothing.
    expect((await cli(['--fix', 'reports/README.md'])).stdout).not.toContain('fixed');
    expect(readFileSync(path(), 'utf8')).toBe(fixed());
  });

  it('should hold back a fix after which the course checker would fail the question, and say why', async () => {
    // The checker counts the two `---` as words: 101, within 100–200; without them Question 4 has 99 and fails.
    writeFileSync(path(), marked(99));
    const { code, stdout } = await cli(['--fix', 'reports/README.md']);
    expect(stdout).toContain('reports/README.md: fixed 1 finding, 1 fix held back');
    expect(stdout).toContain(
      "Remove the template's `---` markers [template-marker] held back: the course checker would then fail Question 4 (words); Question 4 then has 99 words: 1 short of its 100–200",
    );
    // Question 5's fix is applied; Question 4 keeps its markers, and their warning.
    expect(readFileSync(path(), 'utf8')).toBe(
      makeReport('2026', { 4: `--- ${words(99)} ---`, 5: `${words(120)}\n\n---` }),
    );
    expect(stdout).toMatch(/template-marker\]$/m);
    // Its word count stays within the range (no word-count finding for it), as the checker counts it.
    expect(stdout).not.toMatch(/\[word-count\]/);
    expect(code).toBe(0);
    // A dry run keeps its stdout a patch: what it holds back is on stderr.
    writeFileSync(path(), marked(99));
    const dry = await cli(['--fix-dry-run', 'reports/README.md']);
    expect(dry.stdout).toMatch(/^(?:=+\n)?--- a\/reports\/README\.md\n/);
    expect(dry.stdout).not.toContain('held back');
    expect(dry.stderr).toContain('reports/README.md: 1 fix held back');
    await cli(['--fix', 'reports/README.md']);
    // Nothing else to apply: a second run says so and changes nothing.
    const again = await cli(['--fix', 'reports/README.md']);
    expect(again.stdout).toContain('reports/README.md: no fix applied, 1 fix held back');
    expect(again.stdout).not.toContain('fixed');
  });

  it('should keep CRLF line ends', async () => {
    writeFileSync(path(), marked().replace(/\n/g, '\r\n'));
    await cli(['--fix', 'reports/README.md']);
    expect(readFileSync(path(), 'utf8')).toBe(fixed().replace(/\n/g, '\r\n'));
  });

  it('should leave a file with invalid UTF-8 or mixed line ends untouched, and exit 2', async () => {
    const bytes = Buffer.concat([Buffer.from(marked()), Buffer.from([0xff])]);
    writeFileSync(path(), bytes);
    const invalid = await cli(['--fix', 'reports/README.md']);
    expect(invalid.stderr).toContain('not fixed: not valid UTF-8');
    expect(invalid.code).toBe(2);
    expect(readFileSync(path())).toEqual(bytes);
    writeFileSync(path(), `${marked()}\r\nend`);
    expect((await cli(['--fix', 'reports/README.md'])).stderr).toContain('not fixed: mixed line ends');
  });

  it('should not write a file that changed while it was checked', async () => {
    writeFileSync(path(), marked());
    let reads = 0;
    const racing = {
      ...nodeFileSystem,
      readFile: (p: string) => {
        // The third read is the one just before writing: an editor saved in between.
        if (++reads === 3) writeFileSync(path(), `${marked()}\nmore`);
        return nodeFileSystem.readFile(p);
      },
    };
    const { stderr, code } = await cli(['--fix', 'reports/README.md'], racing);
    expect(stderr).toContain('not fixed: the file changed while it was checked');
    expect(code).toBe(2);
    expect(readFileSync(path(), 'utf8')).toBe(`${marked()}\nmore`);
  });

  it('should print a unified diff with --fix-dry-run and change nothing', async () => {
    writeFileSync(path(), marked());
    const { code, stdout } = await cli(['--fix-dry-run', 'reports/README.md']);
    expect(stdout).toContain('--- a/reports/README.md\n+++ b/reports/README.md\n@@ ');
    expect(stdout).toContain(`\n-${'--- '}word0`);
    expect(stdout).toContain('\n+word0');
    expect(code).toBe(1);
    expect(readFileSync(path(), 'utf8')).toBe(marked());
    writeFileSync(path(), fixed());
    expect(await cli(['--fix-dry-run', 'reports/README.md'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('should keep --format json parseable: what --fix did goes to stderr', async () => {
    writeFileSync(path(), marked());
    const { stdout, stderr } = await cli(['--fix', '--format', 'json', 'reports/README.md']);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain('fixed 2 findings');
  });

  it('should say a missing report could not be fixed', async () => {
    const { code, stderr } = await cli(['--fix', 'reports/NOPE.md']);
    expect(stderr).toContain('reports/NOPE.md');
    expect(code).toBe(2);
  });
});
