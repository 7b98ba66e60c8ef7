// Student text that cannot inject: hostile strings reach a finding's message both as rules build it (an image path
// through the whole check, percent-decoding included) and directly, and every renderer's markdown is parsed with
// micromark (GFM, raw HTML allowed so that an HTML node would show): the student text creates no block, link,
// image, HTML or mention-looking text, and stays on one line.
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { checkReport } from '../../src/check.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { toAnnotation } from '../../src/annotation.js';
import { formatGithubDiagnostic } from '../../src/output/github.js';
import { renderFindingItem, renderInlineComment, renderSummaryComment } from '../../src/review/render.js';
import { makePassingReport } from '../support/report.js';

const HOSTILE = [
  '```',
  '~~~',
  '`',
  '``',
  '|',
  '| a | b |\n|---|---|',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '<!-- report-check:summary -->',
  '-->',
  '@octocat',
  '&#64;octocat',
  '#123',
  '[a](https://evil.example)',
  '![p](https://evil.example/p.png)',
  '[x]: https://evil.example',
  '# Heading',
  '\n## 0 errors',
  '\n- item',
  '\n1. item',
  '\n> quote',
  '\n---\n',
  '&amp;',
  '&lt;b&gt;',
  '%0A',
  '%0A%0A**0 errors, 0 warnings**',
  '%E2%80%A8',
  '%E2%80%AE',
  '\r',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u0085',
  '\u001b[31m',
  '*',
  '_',
  '~~',
  '\\',
  'www.evil.example',
  'https://evil.example',
  'a@b.example',
  ' ',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

const toHtml = (markdown: string): string =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** Every HTML tag (and comment) in rendered markdown, in order: what the markdown's structure is made of. */
function tags(html: string): string[] {
  return [...html.matchAll(/<(!--|\/?[a-z][a-z0-9]*)/gi)].map((m) => (m[1] ?? '').toLowerCase());
}

/** The rendered text outside code, tags removed. */
function plainText(html: string): string {
  return html.replace(/<code>[^]*?<\/code>/g, '').replace(/<[^>]*>/g, '');
}

const LINE_BREAKING = /[\r\n\u2028\u2029\u0085\u202a-\u202e\u2066-\u2069]/;

function diagnostic(message: string, note?: string): Diagnostic {
  return {
    path: 'reports/README.md',
    ruleId: 'image-missing',
    severity: 'error',
    message,
    note,
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 2,
    question: 14,
    fingerprint: 'f',
  } as Diagnostic;
}

/** Renders the finding every way it is posted and checks each against the same finding with harmless text. */
function expectInert(d: Diagnostic, benign: Diagnostic): void {
  const pairs: [string, string][] = [
    [renderInlineComment(d, 'k'), renderInlineComment(benign, 'k')],
    [renderFindingItem(d), renderFindingItem(benign)],
  ];
  for (const [markdown, reference] of pairs) {
    const html = toHtml(markdown);
    // Only code spans may come in addition (backticks in the text stay code).
    expect(tags(html).filter((t) => t !== 'code' && t !== '/code')).toEqual(
      tags(toHtml(reference)).filter((t) => t !== 'code' && t !== '/code'),
    );
    expect(plainText(html)).not.toMatch(/@[A-Za-z0-9]|#\d|https?:\/\/|www\./);
    expect(markdown.split('\n').length).toBe(reference.split('\n').length);
  }
  const item = renderFindingItem(d);
  expect(LINE_BREAKING.test(item)).toBe(false);
  // Annotations are plain text: one line per part (message, note, the docs link), no separator or bidi control raw.
  const annotation = toAnnotation(d);
  expect(annotation.message.split('\n').length).toBe(d.note ? 3 : 2);
  expect(annotation.message.split('\n').some((part) => LINE_BREAKING.test(part))).toBe(false);
  expect(formatGithubDiagnostic('reports/README.md', d)).not.toMatch(LINE_BREAKING);
}

describe('student text in comments, summaries and annotations', () => {
  it('should never become markup, a mention or a second line, echoed directly in a message and a note', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const d = diagnostic(`Question 14 links ${text}, and \`${text}\` is missing.`, `Seen: ${text}`);
        const benign = diagnostic('Question 14 links x, and `x` is missing.', 'Seen: x');
        expectInert(d, benign);
      }),
      { seed: 8, numRuns: 400 },
    );
  });

  it('should never become markup after the check percent-decodes an image path', () => {
    const base = makePassingReport('2026');
    const encode = (text: string) =>
      text.replace(/[^A-Za-z0-9_.~/-]/g, (c) =>
        [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
      );
    fc.assert(
      fc.property(hostile, (text) => {
        const report = base.replace(
          '### Question 14',
          `### Question 14\n\n![s](figures/${encode(text)}.png)`,
        );
        const result = checkReport({
          path: 'reports/README.md',
          content: report,
          files: ['reports/README.md'],
        });
        const found = result.diagnostics.filter((d) => d.ruleId.startsWith('image-'));
        expect(found.length).toBeGreaterThan(0);
        for (const d of found) expectInert(d, { ...d, message: d.message.replace(/\S*figures\/\S*/g, 'x') });
        const summary = toHtml(renderSummaryComment({ result, headSha: 'abc', failOn: 'error' }));
        // The same summary with the student's path taken out: its only links are ours (the rule docs pages).
        const plain = result.diagnostics.map((d) => ({
          ...d,
          message: d.message.replace(/\S*figures\/\S*/g, 'x'),
        }));
        const reference = toHtml(
          renderSummaryComment({
            result: { ...result, diagnostics: plain },
            headSha: 'abc',
            failOn: 'error',
          }),
        );
        const risky = (t: string) => t === 'a' || t === 'img' || t === 'script';
        expect(tags(summary).filter(risky)).toEqual(tags(reference).filter(risky));
      }),
      { seed: 9, numRuns: 150 },
    );
  });
});
