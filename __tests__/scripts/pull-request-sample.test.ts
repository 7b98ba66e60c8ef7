import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullRequestSample, SAMPLE_REPORT, sampleHash } from '../../scripts/pull-request-sample.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const sample = pullRequestSample(readFileSync(join(root, SAMPLE_REPORT), 'utf8'));
const record = JSON.parse(readFileSync(join(root, 'docs/pull-request.json'), 'utf8')) as {
  markdownSha256: string;
  pngSha256: string;
};

describe('the README picture of a pull request (docs/pull-request.png)', () => {
  it('should show the first error inline under the diff lines that end at its line', () => {
    expect(sample.inline.body).toMatch(
      /^\*\*❌ Error\*\* \[`word-count`\]\(https:\/\/github\.com\/report-check\/report-check\/blob\/main\/docs\/rules\/word-count\.md\): Question 7 has 136 words; it needs 50–100/,
    );
    expect(sample.inline.lines.map((l) => l.number)).toEqual([152, 153, 154, 155]);
    expect(sample.inline.lines[3]?.text).toMatch(/^We've implemented quite a few tests/);
  });

  it('should show the summary comment with its table and every finding', () => {
    expect(sample.summary).toContain('## report-check: `reports/README.md`');
    expect(sample.summary).toContain('**2 errors, 1 warning, 0 notices** at 4f2c9a1.');
    expect(sample.summary).toContain('| 7 | 136 (+36) ⚠️ | 50–100 | 0 | — | ❌ out of range |');
    expect(sample.summary).toContain(
      '[`image-missing`](https://github.com/report-check/report-check/blob/main/docs/rules/image-missing.md): Question 14 links figures/wandb_runs.png',
    );
  });

  it('should be of the current comment format (else run npm run screenshot and commit docs/)', () => {
    expect(sampleHash(sample)).toBe(record.markdownSha256);
  });

  it('should be the picture the screenshot script took of that format', () => {
    const png = createHash('sha256')
      .update(readFileSync(join(root, 'docs/pull-request.png')))
      .digest('hex');
    expect(png).toBe(record.pngSha256);
  });
});
