import { ruleDocsUrl } from '../../src/project.js';
import { formatGithub, formatGithubDiagnostic } from '../../src/output/github.js';
import { cleanResult, sampleDiagnostic, sampleResult } from './sample-results.js';

describe('formatGithub', () => {
  it('should print a workflow command per finding with file, lines and title', () => {
    expect(formatGithub([sampleResult()])).toBe(
      '::error file=reports/README.md,line=120,endLine=124,title=report-check%3A word-count (question 14)::' +
        'Question 14 has 187 words; it needs 200–300, so add at least 13.' +
        `%0ADocs: ${ruleDocsUrl('word-count')}\n`,
    );
  });

  it('should add columns on a one-line finding', () => {
    const line = formatGithubDiagnostic(
      'reports/README.md',
      sampleDiagnostic({ line: 3, endLine: 3, column: 5, endColumn: 9 }),
    );
    expect(line).toContain('line=3,endLine=3,col=5,endColumn=9,');
  });

  it('should map warning and notice severities to their commands', () => {
    expect(formatGithubDiagnostic('r.md', sampleDiagnostic({ severity: 'warning' }))).toMatch(/^::warning /);
    expect(formatGithubDiagnostic('r.md', sampleDiagnostic({ severity: 'notice' }))).toMatch(/^::notice /);
  });

  it('should escape % CR LF in the message and also : and , in properties', () => {
    const line = formatGithubDiagnostic(
      'dir,a:b/100%.md',
      sampleDiagnostic({ message: '50% done\r\nnext: line, more', ruleId: 'x' }),
    );
    expect(line).toBe(
      '::error file=dir%2Ca%3Ab/100%25.md,line=120,endLine=124,title=report-check%3A x (question 14)::50%25 done  next: line, more' +
        `%0ADocs: ${ruleDocsUrl('x')}`,
    );
    expect(line.split('\n')).toHaveLength(1);
  });

  it('should print nothing for a clean report', () => {
    expect(formatGithub([cleanResult()])).toBe('');
  });

  it('should annotate a report that could not be checked', () => {
    expect(formatGithub([], [{ path: 'reports/README.md', message: 'no such file' }])).toBe(
      '::error file=reports/README.md,title=report-check::Could not check: no such file\n',
    );
  });
});
