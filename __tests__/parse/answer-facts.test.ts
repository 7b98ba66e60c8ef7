import fc from 'fast-check';
import { collectWithParser } from '../../src/parse/answer-facts.js';
import { collectWithoutParser } from '../../src/parse/plain-lines.js';
import type { Block } from '../../src/parse/blocks.js';
import { lineStarts, makePointAt } from '../../src/parse/lines.js';
import type { QuestionSection } from '../../src/parse/model.js';

/** A block as blocksToParse makes it, standing at the start of the report. */
function blockOf(text: string): { block: Block; pointAt: ReturnType<typeof makePointAt> } {
  const starts = lineStarts(text).slice(0, -1);
  return { block: { text, starts, origins: starts }, pointAt: makePointAt(lineStarts(text)) };
}

const emptySection = (): QuestionSection =>
  ({ imageRefs: [], setextHeadings: [] }) as unknown as QuestionSection;

/** The facts of the line reading (null when it leaves the block to micromark) and micromark's. */
function bothReadings(text: string) {
  const { block, pointAt } = blockOf(text);
  const fast = emptySection();
  const taken = collectWithoutParser(fast, block, pointAt);
  const parsed = emptySection();
  expect(collectWithParser(parsed, block, pointAt)).toBeNull();
  const facts = (s: QuestionSection) => ({ imageRefs: s.imageRefs, setextHeadings: s.setextHeadings });
  return { fast: taken ? facts(fast) : null, parsed: facts(parsed) };
}

// Lines of the corpus that used to reach micromark, and their neighbours.
const READ_BY_LINES = [
  '<pre>\nName   Stmts   Miss  Cover\n-----------------\nsrc/a.py   0   0   100%\n-----------------\nTOTAL  1  0  100%\n</pre>\n### Question 8\n',
  'The coverage is 78%.\nCovered = 159 - 35\n<pre>\nName  Stmts\n-----------\n</pre>\n--- question 8 fill here ---\n',
  'Name   Stmts   Miss  Cover\n-----------------\nsrc/a.py   0   0   100%\n-----------------\nTOTAL  1  0  100%\n',
  '<h4>\n<img src="figures/logos/run.svg" alt="alt text" style="vertical-align: middle;" />\nCloud run\n</h4>\nWe use ![x](y.png) and `code`.\n',
  '<p align="center">\n<img src="figures/cost_breakdown.png" width="1000">\n</p>\n',
  '--- ![All buckets overview](figures/buckets.png)\n![content of bucket](figures/bucket_content.png)\n---\n',
  '--- \n![Bucket-1](figures/bucket-1.png)\n![Bucket-2](figures/bucket-2.png)\n---\n',
  '--- While we had the capability to train our model locally\n---\n',
  '![Test coverage:](figures/coverage.png)\n---\n',
  '<!-- a comment -->\n<div>\n<img src="a.png">\n</div>\n',
];

describe('collectWithoutParser', () => {
  it.each(READ_BY_LINES)('should read %j by its lines, with the facts micromark gives', (text) => {
    const { fast, parsed } = bothReadings(text);
    expect(fast).toEqual(parsed);
  });

  // One complete tag alone on its line starts an HTML block (type 7) for micromark, but only by its exact syntax.
  const TAG_LINES = [
    '<img src="a.png" alt="x" width="3"/>',
    '<img src=a.png/>',
    '<img src=a.png alt=>',
    '<img src="a.png"/x',
    '<img src="a.png"x>',
    '<img src=a/ b.png>',
    '<img src=a.png =x>',
    '<img src=a.png alt=`b`>',
    '<img src=a.png\u00a0>',
    '<img src="a.png" / >',
    '</img >',
    '<img-x src=a.png>',
  ];
  it.each(TAG_LINES)('should read the complete-tag line %j with the facts micromark gives', (tag) => {
    for (const text of [`${tag}\n`, `<!-- c -->\n${tag}\ntext\n`, `# h\n${tag}\n![a](b.png)\n`]) {
      const { fast, parsed } = bothReadings(text);
      if (fast !== null) expect(fast).toEqual(parsed);
    }
  });

  it('should read a complete-tag line after a comment by its lines', () => {
    const { fast, parsed } = bothReadings('<!-- ![a](b.png) -->\n<img src="c.png" width="3"/>\n');
    expect(fast).toEqual(parsed);
    expect(parsed.imageRefs.map((image) => image.src)).toEqual(['c.png']);
  });

  it.each([
    '- Student s1 was in charge of GCP.\n---\n',
    '--- \n- \nStudent s2 was in charge of CI.\n- Student s3 set up logging.\n- Student s4 did the rest. \n',
    '- Student s1\n===\n---\nText\n---\n',
    'Text\n- item\nlazy ![a](b.png)\n---\n',
  ])('should read list items of text by their lines, with the facts micromark gives: %j', (text) => {
    const { fast, parsed } = bothReadings(text);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parsed);
  });

  // A line of three dashes with spaces between is a thematic break, even where it starts like a list item.
  it.each([
    '- --\nText\n---\n',
    '-  -- \nText\n===\n',
    '- a\n- --\nText\n---\n',
    '-   --\n-a<br>\n===\n',
    '* **\nText\n---\n',
  ])('should read a break that starts like a list item as micromark does: %j', (text) => {
    const { fast, parsed } = bothReadings(text);
    expect(parsed.setextHeadings).toHaveLength(1);
    if (fast !== null) expect(fast).toEqual(parsed);
  });

  it.each([
    '-     ![a](b.png) is code\n---\n',
    '- ![a](b.png)\n---\n',
    '- item\n<div>\n---\n',
    '- item\n--\n',
  ])('should leave other list items to micromark: %j', (text) => {
    expect(bothReadings(text).fast).toBeNull();
  });

  it.each([
    'Text.<br />\n![a](figures/a.png)<br />\nMore text.<BR>\n![b](figures/b.png)<br/>\n',
    'The costs.\n![my_image](figures/costs.png\n',
    '![a](b.png) and ![my_image](figures/costs.png  \n',
  ])('should read line break tags and an image left open at the end by their lines: %j', (text) => {
    const { fast, parsed } = bothReadings(text);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parsed);
  });

  it.each([
    // A tag alone on its line starts an HTML block: the image after it is HTML.
    '<br />\n![a](b.png)\n',
    // The open image could still close on the next line, or refer to a definition.
    '![a](b.png\n)\n',
    '![a](b.png\n"Title")\n',
    '![a](b.png\n\n[a]: c.png\n',
  ])(
    'should read as micromark does, or leave to it, what a line break tag or an open image may change: %j',
    (text) => {
      const { fast, parsed } = bothReadings(text);
      if (fast !== null) expect(fast).toEqual(parsed);
    },
  );

  // A definition's title may start on the next line and take the text there, an image included.
  it.each(['[a]: c.png\n"x ![a](b.png)"\n', '[a]: c.png\n(x ![a](b.png)\n', "[a]: c.png\n'x ![a](b.png)'\n"])(
    'should leave to micromark a block with a definition: %j',
    (text) => {
      const { fast, parsed } = bothReadings(text);
      expect(parsed.imageRefs).toEqual([]);
      expect(fast).toBeNull();
    },
  );

  it('should leave to micromark a code span that opens on one line and closes two lines on', () => {
    // An even number of backticks on each line, yet the image is code.
    const { fast, parsed } = bothReadings('a `` b\n![x](y.png)\nc `` d\n');
    expect(parsed.imageRefs).toEqual([]);
    expect(fast).toBeNull();
  });

  it('should give the facts micromark gives wherever it reads a block itself', () => {
    const piece = fc.constantFrom(
      ...['word', 'More text.', '78%', '2019 was', '=', '==', '===', '-', '--', '---', '- ', '-- -', '- - -'],
      ...['- --', '-  -- ', '* **'],
      ...['***', '___', '* x', '+ y', '- item', '1. one', '2) two', '10.5', '> quote', '>', '#', '# h'],
      ...['### Question 8', '#nohash', '####### seven', '<pre>', '</pre>', '<PRE class="x">', '<script>'],
      ...['</style>', '<!-- c -->', '<!--', '-->', '<!-->', '<!--->', '<div>', '</div>', '<h4>', '</h4>'],
      ...['<p align="center">', '<p/x>', '<img src="a.png">', '<img src=b.png/>', '<?php', '<!DOCTYPE>'],
      ...['<span>', '![a](b.png)', '![alt text](figures/c d.png)', '![a](<c d.png> "T")', '![a *b*](c)'],
      ...['![a_b](c)', '[![a](b.png)](b.png)', '![ref]', '![a][r]', '[r]: x.png', '`code`', '``', '`', '\\'],
      ...[
        'a `` b',
        '&amp;',
        '&#38;',
        'W&B',
        '~~~',
        '```',
        '| t |',
        '\t',
        '  ',
        '    ',
        '\r',
        '\u00a0',
        '\ufeff',
      ],
      ...['<pre>x</pre>', '<textarea', '</PRE>', '<!-- ![a](b.png) -->', '<h4 class="x">', '<table>', '<p'],
      ...['x -->', 'a </pre> b', '</script>', '~32', '~~', '- ~~~', '~~~ ![a](b.png)'],
      ...['--- ![a](b.png) ---', 'text <img src="x.png"> more', '<https://x.y>', '**bold**', '_it_', 'é'],
      // Line break tags, images left open, and bullet items of text.
      ...[
        '<br />',
        '<br>',
        '<BR/>',
        'a<br />',
        '![a](b.png)<br />',
        '<br/>![a](b.png)',
        '![a](b',
        '![a](b.png',
      ],
      ...[
        '![a](',
        '![a_b](c',
        '"T")',
        ')',
        '- Student s1 did',
        '-  two',
        '-     code',
        '* star',
        '+ plus',
        '- *x*',
      ],
      // Type-7 HTML blocks (one complete tag on its line) and near misses.
      ...[
        '<img src="a.png" alt="x" width="3"/>',
        "<img src='a.png' />",
        '<img src=a.png/>',
        '<x-y>',
        '</span >',
      ],
      ...[
        '<a b=c=d>',
        '<a b="c"d>',
        '<a b = "c">',
        '<a b=>',
        '<a =b>',
        '<a b=`c`>',
        '<a b="c>',
        '<a\t>',
        '<a/b>',
      ],
      ...[
        '<img src="a.png"x>',
        '<img src=a/ b.png>',
        '<img src="a.png" / >',
        '<img src=a.png =x>',
        '<img/src=a>',
      ],
      ...[
        '<img src=`a`>',
        '<img src=a.png\u00a0>',
        '<img\u00a0src=a.png>',
        '<img src="a.png>',
        '<img src=a b=>',
      ],
      ...['<img src=a.png alt=>', '<img src="a.png"/x', '<img src=a.png alt=`b`>'],
      ...['<pre/>', '</pre>', '<div/x>', '<span a>b', '</a b>', '<1a>', '<a_b>', '<a :b _c>', "<a b='c'/>"],
    );
    const line = fc.array(piece, { minLength: 1, maxLength: 3 }).chain((pieces) =>
      fc.array(fc.constantFrom('', ' '), { minLength: pieces.length, maxLength: pieces.length }).map((gaps) =>
        // Dedented, as blocksToParse cuts lines out of lists.
        pieces
          .map((p, i) => `${i ? gaps[i] : ''}${p}`)
          .join('')
          .replace(/^[ \t]+/, ''),
      ),
    );
    const lines = fc.array(line, { minLength: 1, maxLength: 8 });
    let taken = 0;
    fc.assert(
      fc.property(lines, (ls) => {
        const { fast, parsed } = bothReadings(`${ls.join('\n')}\n`);
        if (fast !== null) {
          taken++;
          expect(fast).toEqual(parsed);
        }
      }),
      { numRuns: 1500, seed: 20261203 },
    );
    // The comparison must have something to compare.
    expect(taken).toBeGreaterThan(150);
  });
});
