import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { readAsCourseChecker } from '../../src/parse/course-checker.js';
import { withoutFences } from '../../src/parse/fence-code.js';
import { withoutImages, withoutTags } from '../../src/parse/linear-scan.js';
import { parseReport } from '../../src/parse/report.js';
import { sectionContaining } from '../../src/parse/sections.js';
import { countPythonWords } from '../../src/parse/words.js';
import type { Edition } from '../../src/result.js';
import { makeReport, words } from '../support/report.js';

describe('parseReport', () => {
  it('should find every question section with its heading line and answer', () => {
    const model = parseReport(makeReport('2026', { 2: 's123456, s654321' }));
    expect(model.questions.map((q) => q.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    const q2 = model.questions[1];
    expect(q2?.answer?.text).toBe('s123456, s654321');
    expect(q2?.answered).toBe(true);
    expect(model.questions[0]?.answered).toBe(false);
    expect(model.questions[0]?.placeholderLines).toHaveLength(1);
  });

  it('should tolerate extra words after the question number', () => {
    const model = parseReport('### Question 7 (version control)\n> Answer:\n\nYes.\n');
    expect(model.questions[0]?.number).toBe(7);
  });

  it('should not take a heading inside a fenced code block for a question', () => {
    const text =
      '### Question 1\n> Answer:\n\n```bash\n### Question 2\n```\n\n### Question 3\n> Answer:\n\nx\n';
    expect(parseReport(text).questions.map((q) => q.number)).toEqual([1, 3]);
  });

  it('should end a fence opened inside a list item when the list ends', () => {
    const text =
      '### Question 1\n> Answer:\n\n1. step\n   ```bash\n   pip install\n    ```\n\n### Question 2\n> Answer:\n\nx\n';
    expect(parseReport(text).questions.map((q) => q.number)).toEqual([1, 2]);
  });

  it('should read "```text```" as inline code, not as an unclosed fence', () => {
    const text = '```--- question 1 fill here ---```\n\n### Question 1\n> Answer:\n\nx\n';
    expect(parseReport(text).questions).toHaveLength(1);
  });

  it('should find markdown images, <img> tags and reference images with their lines', () => {
    const text =
      '### Question 14\n> Answer:\n\ntext\n\n![bucket](figures/bucket.png)\n\n<img src="figures/b.png">\n\n![r][ref]\n\n[ref]: x.png\n';
    const refs = parseReport(text).questions[0]?.imageRefs ?? [];
    expect(refs.map((r) => [r.kind, r.src, r.start.line])).toEqual([
      ['markdown', 'figures/bucket.png', 6],
      ['html', 'figures/b.png', 8],
      ['reference', '', 10],
    ]);
  });

  it('should place an image the same whether its line is plain or needs the markdown parser', () => {
    const plain = parseReport('### Question 14\n> Answer:\n\n  ![a](figures/a.png) ![b](b.jpg)\n')
      .questions[0];
    const parsed = parseReport('### Question 14\n> Answer:\n\n  ![a](figures/a.png) ![b](b.jpg) *see*\n')
      .questions[0];
    const where = (refs: typeof plain) => refs?.imageRefs.map((r) => [r.src, r.start, r.end]);
    expect(where(plain)).toEqual(where(parsed));
    expect(where(plain)).toEqual([
      ['figures/a.png', { line: 4, column: 3 }, { line: 4, column: 22 }],
      ['b.jpg', { line: 4, column: 23 }, { line: 4, column: 34 }],
    ]);
  });

  it('should not count image syntax inside code as an image', () => {
    const text = '### Question 14\n> Answer:\n\n```\n![x](y.png)\n```\n';
    expect(parseReport(text).questions[0]?.imageRefs).toEqual([]);
  });

  it('should flag text that a --- line under it turns into a heading', () => {
    const text = '### Question 5\n> Answer:\n\nWe used DVC.\n---\n';
    expect(parseReport(text).questions[0]?.setextHeadings).toEqual([{ line: 4, underline: 5 }]);
  });

  it('should flag template --- markers kept around the answer', () => {
    const text = `### Question 5\n> Answer:\n\n--- ${words(5)} ---\n`;
    expect(parseReport(text).questions[0]?.markerLines).toEqual([4]);
  });

  it('should record every Answer: in a section', () => {
    const text = '### Question 5\n> Answer:\n\nAnswer: yes\n';
    expect(parseReport(text).questions[0]?.markers).toHaveLength(2);
  });

  it("should build the same sections with the course checker's reading as without it", () => {
    // The reading's answers replace the sections' own counts where both cut the same range: any section the
    // shortcut gets wrong (a range that merely overlaps, another edition's cut) shows up as a difference.
    const pieces = fc.constantFrom(
      '### Question 1\n',
      '### Question 2\n',
      '## Question 3\n',
      '> Answer:',
      'Answer:',
      '\n',
      '\n\n',
      '###',
      '##',
      ' ',
      'word',
      'two words',
      '![a](b.png)',
      '`code`',
      '```\n',
      '<b>',
      '---',
      '> ',
      '--- question 3 fill here ---',
      '😀',
    );
    const withoutPointAt = ({ pointAt: _, ...model }: ReturnType<typeof parseReport>) => model;
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }),
        fc.constantFrom<Edition>('2023', '2024', '2025', '2026'),
        (parts, edition) => {
          const text = parts.join('');
          const reading = readAsCourseChecker(text, edition);
          expect(withoutPointAt(parseReport(text, reading))).toEqual(withoutPointAt(parseReport(text)));
        },
      ),
      { numRuns: 2000, seed: 20261203 },
    );
  });

  it("should take a section's answer from the checker's reading when both cut it at the same place", () => {
    const text = makeReport('2026', { 4: words(120) });
    const reading = readAsCourseChecker(text, '2026');
    const model = parseReport(text, reading);
    expect(model.questions.every((section, i) => section.answer?.text === reading.answers[i]?.text)).toBe(
      true,
    );
    expect(model.questions[3]?.words).toBe(120);
  });

  it('should count the prose words of an answer as its text with marks, code, images and tags cut out', () => {
    // The reference builds the prose string stage by stage and counts it; parseReport counts most answers from
    // the matches alone, so a word a cut splits, joins or drops shows up here.
    const PLACEHOLDER = /---\s*question\s+\d+\s+fill\s+here\s*---/gi;
    const prose = (region: string): { words: number; answered: boolean } => {
      const dashes = region.includes('---');
      const marked =
        dashes || region.includes('>')
          ? (dashes ? region.replace(PLACEHOLDER, ' ') : region).replace(/(^|\s)(>|-{3,})(?=\s|$)/g, ' ')
          : region;
      const code = withoutFences(marked).replace(/`+[^`\n]*`+/g, ' ');
      return {
        words: countPythonWords(withoutTags(withoutImages(code))),
        answered: countPythonWords(marked) > 0,
      };
    };
    const pieces = fc.constantFrom(
      'word',
      'two words',
      ' ',
      '\n',
      '\u00a0',
      '>',
      '> ',
      ' > ',
      '---',
      '----',
      ' --- ',
      '-',
      '`',
      '``',
      '`x`',
      'a`b c`d',
      '```\n',
      '~~~',
      '![a](b.png)',
      '<b>',
      '<',
      '--- question 3 fill here ---',
      'x--- question 1 fill here ---y',
      '### Question 2\n> Answer:',
      'Answer:',
      '![',
      '](',
      ')',
      ']',
      '!',
      'a<b>c',
      '<a\nb>',
      '\u2028',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 50 }), (parts) => {
        const text = `### Question 1\n> Answer:${parts.join('')}`;
        for (const section of parseReport(text).questions) {
          const from = section.markers[0];
          if (from === undefined) continue;
          const want = prose(text.slice(from, section.end));
          expect([section.proseWords, section.answered]).toEqual([want.words, want.answered]);
        }
      }),
      { numRuns: 5000, seed: 20261203 },
    );
  });

  it('should not crash on thousands of nested quotes', () => {
    const text = `### Question 1\n> Answer:\n\n${'>'.repeat(20000)} deep ![x](y.png)\n`;
    expect(() => parseReport(text)).not.toThrow();
  });
});

describe('parseReport images against micromark', () => {
  const fragments = [
    '![a](x.png)',
    '![b c](figures/y.jpg)',
    'text',
    'more words',
    '`code`',
    '`',
    '<b>',
    '<img src="z.png">',
    '---',
    '[',
    ']',
    '(',
    ')',
    '\\',
    '*',
    '> ',
    ' ',
    '\n',
    '\n\n',
    '```\n',
    '![c](<a b.png>)',
    '![d](e.png "Title")',
    '![*e*](f.png)',
    '![g&amp;](h&amp;.png)',
    '![my_i](j.png)',
    '![_k_](l.png)',
    '[![m](n.png)](o.png)',
    '![W&B](p&q.png)',
    '--- ',
    '&amp;',
    '~~~\n',
    '- ',
    '1. ',
    '===',
    '!',
  ];

  it('should find the images micromark finds in the whole answer, with their paths and alt texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
        const answer = parts.join('');
        const text = `### Question 14\n> Answer:\n\n${answer}\n`;
        const expected: string[] = [];
        const visit = (node: Nodes): void => {
          if (node.type === 'image')
            expected.push(
              `${node.url}|${node.alt}@${node.position?.start.line}:${node.position?.start.column}`,
            );
          if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
        };
        visit(fromMarkdown(text));
        const found = (parseReport(text).questions[0]?.imageRefs ?? [])
          .filter((ref) => ref.kind === 'markdown')
          .map((ref) => `${ref.src}|${ref.alt}@${ref.start.line}:${ref.start.column}`);
        expect(found.sort()).toEqual(expected.sort());
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });
});

describe('sectionContaining', () => {
  it('should give the section whose range holds an offset, and none before the first or past the last', () => {
    const model = parseReport(makeReport('2026', { 2: 's123456, s654321' }));
    for (const offset of [
      0,
      1,
      ...model.questions.flatMap((q) => [q.start - 1, q.start, q.end - 1, q.end]),
    ]) {
      const holding = model.questions.find((q) => q.start <= offset && offset < q.end);
      expect(sectionContaining(model, offset)).toBe(holding);
    }
    expect(sectionContaining(model, model.text.length + 10)).toBeUndefined();
  });
});

// A `-----` line of a coverage table in fenced code or a `<pre>` is shown as it is: not the template's marker.
describe('template markers in verbatim text', () => {
  it.each([
    ['a fence', '```\nName  Stmts\n-----------\nTOTAL  159\n```'],
    ['a <pre>', '<pre>\nName  Stmts\n-----------\nTOTAL  159\n</pre>'],
  ])('should not take a dashes line in %s for a marker, and still take one outside', (_, table) => {
    const text = `### Question 1\n\n> Answer:\n\nOur coverage:\n\n${table}\n\n--- the rest of it ---\n`;
    const [section] = parseReport(text).questions;
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(section?.markerLines).toEqual([lineOf('--- the rest')]);
  });
});
