import { runCliInMemory } from './memory-cli.js';

function run(argv: string[], files: Record<string, string | Uint8Array>) {
  return runCliInMemory(argv, files, {
    engine: {
      checkReport: () => {
        throw new Error('html must not check');
      },
      loadConstraints: () => {
        throw new Error('html must not load a schema');
      },
    },
    cwd: '/repo',
  });
}

const report = { '/repo/reports/README.md': '# My report\n\n<b>bold</b>\n' };

describe('report-check html', () => {
  it('should print the page on stdout', async () => {
    const result = await run(['html', 'reports/README.md'], report);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('<title>My report</title>');
    expect(result.stdout).toContain('<code class="raw-html">&#x3C;b></code>bold');
    expect(result.stderr).toBe('');
  });

  it('should write the page to -o OUT', async () => {
    const result = await run(['html', 'reports/README.md', '-o', 'reports/report.html'], report);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.written.get('/repo/reports/report.html')).toContain('<h1>My report</h1>');
  });

  it('should refuse to write the page over the report itself', async () => {
    const result = await run(['html', 'reports/README.md', '-o', './reports/README.md'], report);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'report-check: ./reports/README.md: is the report itself; write the page to another file\n',
    );
    expect(result.written.size).toBe(0);
  });

  it('should name a missing option value by its long name', async () => {
    const result = await run(['html', 'reports/README.md', '-o'], report);
    expect(result.stderr).toBe('report-check: --output needs a value\n');
  });

  it('should decode UTF-8 and drop a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Spørgsmål\n')]);
    expect((await run(['html', 'r.md'], { '/repo/r.md': bytes })).stdout).toContain('<h1>Spørgsmål</h1>');
  });

  it.each([
    [['html'], report, 'report-check: html needs exactly one FILE (see html --help)\n'],
    [['html', 'a.md', 'b.md'], report, 'report-check: html needs exactly one FILE (see html --help)\n'],
    [['html', 'missing.md'], report, 'report-check: missing.md: no such file\n'],
    [['html', 'reports'], report, 'report-check: reports: is a directory, not a file\n'],
    [
      ['html', 'bin.md'],
      { '/repo/bin.md': new Uint8Array([35, 0, 1]) },
      'report-check: bin.md: binary file (NUL byte at offset 1), not a markdown report\n',
    ],
    [
      ['html', 'reports/README.md', '-o', 'nowhere/x.html'],
      report,
      'report-check: nowhere/x.html: could not write (no such file)\n',
    ],
    [
      ['html', '--format', 'json', 'reports/README.md'],
      report,
      'report-check: unknown option --format (see --help)\n',
    ],
  ])('should exit 2 with one line for %j', async (argv, files, stderr) => {
    const result = await run(argv, files);
    expect(result.stderr).toBe(stderr);
    expect(result.code).toBe(2);
  });

  it('should print its own usage on html --help', async () => {
    expect((await run(['html', '--help'], {})).stdout).toMatch(/^Usage: report-check html FILE \[-o OUT\]/);
  });
});
