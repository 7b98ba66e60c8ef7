import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
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

  it('should exit 1 on findings at the fail level and print them on stdout', () => {
    // --strict: the blank template's unanswered questions become errors.
    const result = spawnSync(process.execPath, [cli, '--strict', report], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/template-2026\.md: \d+ errors?, /);
    expect(result.stderr).toBe('');
  });
});
