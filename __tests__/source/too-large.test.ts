// A report over 1 MiB is one event with one wording, wherever it is met: the engine's refusal, the CLI's
// "could not run" line, the cohort row and the action's finding all say problemReason's words.
import { loadSource, MAX_REPORT_BYTES } from '../../src/source/load-source.js';
import { checkReport } from '../../src/check.js';
import { runCliInMemory } from '../cli/memory-cli.js';

const PATH = 'reports/README.md';
const BYTES = new Uint8Array(MAX_REPORT_BYTES + 1).fill(0x61);
const REASON = 'too large (1048577 bytes; the limit is 1 MiB)';

function cli(argv: string[]) {
  return runCliInMemory(argv, { [`/work/${PATH}`]: BYTES });
}

describe('a report over 1 MiB', () => {
  it('should be refused by the engine in the words the CLI prints', async () => {
    expect(() => checkReport({ path: PATH, content: BYTES })).toThrow(`${PATH}: ${REASON}`);
    const plain = await cli([PATH]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(`report-check: ${PATH}: ${REASON}\n`);
  });

  it('should be the same words in the action’s finding and in the cohort row', async () => {
    const source = loadSource({ path: PATH, bytes: BYTES });
    expect(source.ok).toBe(false);
    if (source.ok) return;
    expect(source.diagnostic).toMatchObject({ ruleId: 'report-too-large', severity: 'error', line: 1 });
    expect(source.diagnostic.message).toBe(
      `${PATH} is ${REASON}; a report over 1 MiB is not a report, so shrink it (images belong in files).`,
    );
    const cohort = await cli(['cohort', '--format', 'json', '.']);
    expect(cohort.code).toBe(2);
    const document = JSON.parse(cohort.stdout) as { groups: { error: string | null }[] };
    expect(document.groups.map((group) => group.error)).toEqual([REASON]);
  });
});
