import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Html, Nodes as MdastNodes, Parents as MdastParents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import { frontmatter } from 'micromark-extension-frontmatter';
import { RunError } from './errors.js';

/** Deeper nesting than any report needs: micromark's time grows fast with it (700 nested list items: 20 s). */
export const MAX_NESTING = 64;
const TOO_DEEP = new RegExp(
  `(?:>[ \\t]*){${MAX_NESTING},}|(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+){${MAX_NESTING},}|[[(]{${MAX_NESTING},}|^[ \\t]{${MAX_NESTING * 2},}\\S`,
  'm',
);

/**
 * More list items than any report has (the template's checklist has about 80): micromark's time grows with the
 * square of the items in one list (3,000 nested items separated by blank lines: 14 s).
 */
export const MAX_LIST_ITEMS = 3000;
const LIST_ITEM = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/gm;
/**
 * More `[` than any report has (the corpus's most is 80): micromark's time grows with the square of the link
 * labels in one paragraph (16,000 `[a][b]` on one line: 6 s; 32,000: 19 s).
 */
export const MAX_BRACKETS = 5000;

/** How many times `char` occurs in `text` (native searches, not a character loop). */
function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** Options for {@link renderHtml}. */
export interface HtmlOptions {
  /** Page title when the report has no heading. */
  fallbackTitle?: string;
}

// Only these schemes may reach an href/src: a report is student-written, and `javascript:` or `data:` links in a
// rendered page would run or smuggle content. Relative links (no scheme) are always kept.
const SAFE_SCHEMES: Record<string, readonly string[]> = {
  href: ['http', 'https', 'mailto'],
  src: ['http', 'https'],
};

const STYLE = `body{max-width:52rem;margin:2rem auto;padding:0 1rem;font:16px/1.5 system-ui,sans-serif;color:#1f2328}
img{max-width:100%}pre{overflow:auto;background:#f6f8fa;padding:.75rem}code{background:#f6f8fa}
blockquote{margin-left:0;padding-left:1rem;border-left:.25rem solid #d0d7de;color:#59636e}
.raw-html{color:#9a6700}`;

/** Raw HTML in a report is shown as inert code text, never passed through to the page. */
function rawHtmlAsText(_state: unknown, node: Html, parent: MdastParents | undefined): ElementContent {
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: { className: ['raw-html'] },
    children: [{ type: 'text', value: node.value }],
  };
  const inline =
    parent?.type === 'paragraph' ||
    parent?.type === 'heading' ||
    parent?.type === 'emphasis' ||
    parent?.type === 'strong' ||
    parent?.type === 'link' ||
    parent?.type === 'linkReference' ||
    parent?.type === 'delete' ||
    parent?.type === 'tableCell';
  return inline ? code : { type: 'element', tagName: 'pre', properties: {}, children: [code] };
}

const HANDLERS: Handlers = {
  html: rawHtmlAsText,
  yaml: () => undefined,
};

function isSafeUrl(value: string, attribute: 'href' | 'src'): boolean {
  // Browsers ignore leading spaces and controls before a scheme, and tabs/newlines inside it.
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (!scheme) return true;
  return SAFE_SCHEMES[attribute]?.includes(scheme[1]!.toLowerCase()) ?? false;
}

function dropUnsafeUrls(node: HastNodes): void {
  if (node.type === 'element') {
    for (const attribute of ['href', 'src'] as const) {
      const value = node.properties[attribute];
      if (typeof value === 'string' && !isSafeUrl(value, attribute)) delete node.properties[attribute];
    }
  }
  if ('children' in node) for (const child of node.children) dropUnsafeUrls(child);
}

function firstHeadingText(tree: MdastNodes): string | null {
  if (tree.type === 'heading') return textOf(tree).trim() || null;
  if ('children' in tree) {
    for (const child of tree.children) {
      const found = firstHeadingText(child);
      if (found) return found;
    }
  }
  return null;
}

function textOf(node: MdastNodes): string {
  if ('value' in node && node.type !== 'html' && node.type !== 'yaml') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

function parseReport(markdown: string): MdastNodes {
  return fromMarkdown(markdown, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
}

/**
 * The report as a standalone HTML page, like the course's `report.py html` (which converts README.md with
 * python-markdown), but CommonMark, with front matter dropped and the student's raw HTML shown as text.
 * Throws a `RunError` for markdown nested more than {@link MAX_NESTING} levels deep or with more than
 * {@link MAX_LIST_ITEMS} list items, which would take the markdown parser minutes.
 */
export function renderHtml(markdown: string, options: HtmlOptions = {}): string {
  if (TOO_DEEP.test(markdown)) throw new RunError(`markdown nested more than ${MAX_NESTING} levels deep`);
  const items = markdown.match(LIST_ITEM)?.length ?? 0;
  if (items > MAX_LIST_ITEMS)
    throw new RunError(`${items} list items; report-check renders at most ${MAX_LIST_ITEMS}`);
  const brackets = occurrences(markdown, '[');
  if (brackets > MAX_BRACKETS)
    throw new RunError(`${brackets} \`[\`; report-check renders at most ${MAX_BRACKETS} (links and images)`);
  const mdast = parseReport(markdown);
  const title = firstHeadingText(mdast) ?? options.fallbackTitle ?? 'Report';
  const hast = toHast(mdast, { handlers: HANDLERS }) as HastRoot;
  dropUnsafeUrls(hast);
  const page: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      {
        type: 'element',
        tagName: 'html',
        properties: { lang: 'en' },
        children: [
          {
            type: 'element',
            tagName: 'head',
            properties: {},
            children: [
              { type: 'element', tagName: 'meta', properties: { charset: 'utf-8' }, children: [] },
              {
                type: 'element',
                tagName: 'meta',
                properties: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
                children: [],
              },
              {
                type: 'element',
                tagName: 'title',
                properties: {},
                children: [{ type: 'text', value: title }],
              },
              {
                type: 'element',
                tagName: 'style',
                properties: {},
                children: [{ type: 'text', value: STYLE }],
              },
            ],
          },
          { type: 'element', tagName: 'body', properties: {}, children: hast.children as ElementContent[] },
        ],
      },
    ],
  };
  return `${toHtml(page)}\n`;
}
