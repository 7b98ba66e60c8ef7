// The lazy chunk dist/markdown.cjs (see scripts/build.mjs): micromark behind mdast's fromMarkdown.
export { fromMarkdown } from 'mdast-util-from-markdown';
