// scanLines reads most lines by their first character, without patterns: held here to the reading of every line
// by the patterns (scanLinesByPatterns), on generated documents of the lines those patterns tell apart.
import fc from 'fast-check';
import { lineStarts } from '../../src/parse/lines.js';
import { scanLines, scanLinesByPatterns } from '../../src/parse/scan-lines.js';

const both = (text: string) => {
  const starts = lineStarts(text);
  return { fast: scanLines(text, starts), byPatterns: scanLinesByPatterns(text, starts) };
};

/** The block tag names and near misses, in mixed case (the HTML patterns are case-blind for ASCII only). */
const tagName = fc
  .constantFrom(
    ...[
      'div',
      'DIV',
      'Details',
      'h1',
      'H6',
      'h7',
      'p',
      'pre',
      'PRE',
      'script',
      'Style',
      'textarea',
      'td',
      'ul',
    ],
    ...[
      'divx',
      'blockquote',
      'blockquotes',
      'figcaption',
      'img',
      'span',
      'code',
      'br',
      'a',
      'x-y',
      '1div',
      '',
    ],
    ...[
      '![CDATA[',
      '![cDaTa[',
      '![CDATA',
      '[CDATA[',
      '!--',
      '!-',
      '!doctype',
      '!D',
      '!',
      '?php',
      '?',
      'ſcript',
      'ſtyle',
      'sc\u0131pt',
    ],
    ...['\u212Aey', 'dıv', 'hr', 'th', 'tr', 'tbody'],
  )
  .chain((name) => fc.tuple(fc.constant(name), fc.boolean()))
  .map(([name, closing]) => (closing && !/^[!?[]/.test(name) ? `/${name}` : name));

/** What may follow a tag name: the HTML patterns end it at `\s` (any Unicode space), `/`, `>` or the line's end. */
const afterName = fc.constantFrom(
  '',
  ' ',
  '\t',
  '>',
  '/>',
  '/',
  ' class="a">',
  '\u00a0',
  '\u2003x',
  'x',
  '-',
  '>  ',
  '> a',
);

const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', ' \t');

const htmlLine = fc.tuple(indent, tagName, afterName).map(([i, name, after]) => `${i}<${name}${after}`);

const fenceLine = fc
  .tuple(
    indent,
    fc.constantFrom('', '> ', '>', '>> ', '> > '),
    fc.constantFrom('`', '``', '```', '````', '~~', '~~~', '~~~~'),
    fc.constantFrom('', ' ', 'python', ' `x`', '`', ' \u00a0', '\u2028', ' ~~~', ' x', '\u3000'),
  )
  .map((parts) => parts.join(''));

const listLine = fc
  .tuple(
    indent,
    fc.constantFrom('-', '*', '+', '1.', '2)', '10.', '123456789.', '1234567890.', '1', '1:', '-1.'),
    fc.constantFrom('', ' ', '  ', '\t', '     ', 'x'),
    fc.constantFrom('', 'item', '```', '# h', '<div>', '- b'),
  )
  .map((parts) => parts.join(''));

const otherLine = fc.constantFrom(
  ...[
    '',
    ' ',
    '\t',
    '   ',
    'text',
    '**bold**',
    '---',
    '***',
    '___',
    '===',
    '# Heading',
    '### Question 1',
    '#tag',
  ],
  ...['    # code', '   ## three', '> quoted', '>quoted', '> > deep', '    > indented', '>', '> # in quote'],
  ...[
    '> ```',
    '>```',
    '> ~~~',
    '\u00a0text',
    '\u00e9t\u00e9',
    '\u2003',
    '\vx',
    '\u000c',
    '\u2028',
    'Answer: x',
  ],
  ...['![a](b.png)', '`code`', 'a `` b', '---\n', 'x\u2028y', '## Title ##', '> ## Q 2 ##  ', '\u00a0# h'],
  // A line terminator other than `\n` keeps a line from being a heading (the pattern's `.` does not match it).
  ...['# a\u2028b', '## x\r', '# \u2029 #', '### y \r###'],
);

const line = fc.oneof(htmlLine, fenceLine, listLine, otherLine, otherLine);

describe('scanLines', () => {
  it('should find the headings and code lines that reading every line by the patterns finds', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, frontMatter) => {
        const text = (frontMatter ? '---\na: b\n---\n' : '') + lines.join('\n');
        const { fast, byPatterns } = both(text);
        expect(fast.headings).toEqual(byPatterns.headings);
        expect([...fast.code]).toEqual([...byPatterns.code]);
      }),
      { numRuns: 3_000, seed: 12 },
    );
  });

  it('should take each kind of HTML block start as the patterns do', () => {
    // A heading after the line is nested when the line opens an HTML block, and a fence after it is no code.
    fc.assert(
      fc.property(fc.constantFrom('', 'text\n', '- item\n', '```\nx\n```\n'), htmlLine, (before, html) => {
        const text = `${before}${html}\n# h\n\`\`\`\ncode`;
        const { fast, byPatterns } = both(text);
        expect(fast.headings).toEqual(byPatterns.headings);
        expect([...fast.code]).toEqual([...byPatterns.code]);
      }),
      { numRuns: 3_000, seed: 12 },
    );
  });

  it('should end a fence in a list item where the patterns end it', () => {
    // Where an item's content starts decides whether an indented fence after it is in the item.
    const indentedFence = fc.tuple(indent, fc.constantFrom('', ' ', '  ', '     ', '            '));
    fc.assert(
      fc.property(listLine, indentedFence, line, line, (item, [i, j], inside, after) => {
        const text = `${item}\n${i}${j}\`\`\`\n${inside}\n${after}\n${i}\`\`\`\nx`;
        const { fast, byPatterns } = both(text);
        expect(fast.headings).toEqual(byPatterns.headings);
        expect([...fast.code]).toEqual([...byPatterns.code]);
      }),
      { numRuns: 3_000, seed: 12 },
    );
  });

  // CommonMark: blocks of types 1-5 end at the line meeting their end condition, blank lines or not; 6 and 7 at a
  // blank line. A `### Question 8` right under `<!-- note -->` is the page's heading (it once read as HTML).
  it.each([
    ['<!-- note -->', false],
    ['<!--\nmore\n-->', false],
    ['<pre>x</pre>', false],
    ['<PRE class="a">\nx\n</Pre>', false],
    ['<textarea>\n</textarea> after', false],
    ['<?php x ?>', false],
    ['<!DOCTYPE html>', false],
    ['<![CDATA[x]]>', false],
    ['<!--\n\nstill in the comment', true],
    ['<script>\n\nvar x;', true],
    ['<pre>\n\n</pr>', true],
    ['<div>', true],
    ['<br>', true],
    ['<!-- a -->\n<div>', true],
  ])('after %j, a heading on the next line is nested: %s', (html, nested) => {
    const text = `${html}\n### Question 8\nanswer\n`;
    const { fast, byPatterns } = both(text);
    expect(fast).toEqual(byPatterns);
    expect(fast.headings.map((h) => [h.text, h.nested])).toEqual([['Question 8', nested]]);
  });

  it('should end an HTML comment at its `-->` line, so that a fence after it is code again', () => {
    const { fast, byPatterns } = both('<!--\n\n```\n-->\n```\ncode\n```');
    expect(fast).toEqual(byPatterns);
    expect([...fast.code]).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });

  it('should read the report shapes the fast paths take', () => {
    const text = [
      '# Title',
      '<div>',
      '## In HTML',
      '',
      '1. item',
      '   ```python',
      '   # comment',
      '   ```',
      '> ```',
      '> # quoted code',
      'text',
      '```',
      '## code',
    ].join('\n');
    const { fast, byPatterns } = both(text);
    expect(fast).toEqual(byPatterns);
    expect(fast.headings.map((h) => [h.text, h.nested])).toEqual([
      ['Title', false],
      ['In HTML', true],
    ]);
    expect([...fast.code]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1]);
  });
});
