/** Where report-check lives: the repository its docs, issues and releases are in. */
export const REPOSITORY_URL = 'https://github.com/report-check/report-check';

/** The branch the docs are read from. */
const DOCS_BRANCH = 'main';

/** The URL of a file of the repository's docs, e.g. `docs/rules/word-count.md`, as GitHub shows it. */
export function docsUrl(path: string): string {
  return `${REPOSITORY_URL}/blob/${DOCS_BRANCH}/${path.replace(/^\/+/, '')}`;
}

/** The path of a rule's docs page inside the repository. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The URL of a rule's docs page: what every comment, annotation and SARIF result links to. */
export function ruleDocsUrl(id: string): string {
  return docsUrl(ruleDocsPath(id));
}
