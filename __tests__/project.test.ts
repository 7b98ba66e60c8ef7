import { docsUrl, REPOSITORY_URL, ruleDocsPath, ruleDocsUrl } from '../src/project.js';

describe('project links', () => {
  it("should link a rule to its docs page on the repository's main branch", () => {
    expect(ruleDocsPath('word-count')).toBe('docs/rules/word-count.md');
    expect(ruleDocsUrl('word-count')).toBe(
      'https://github.com/report-check/report-check/blob/main/docs/rules/word-count.md',
    );
  });

  it('should not double the slash of a path given from the root', () => {
    expect(docsUrl('/docs/x.md')).toBe(`${REPOSITORY_URL}/blob/main/docs/x.md`);
  });
});
