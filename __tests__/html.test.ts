import { renderHtml } from '../src/html.js';

describe('renderHtml', () => {
  it('should render a standalone page titled by the first heading', () => {
    const page = renderHtml('# Exam template for 02476 *MLOps*\n\nHello.\n');
    expect(page).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
    expect(page).toContain('<title>Exam template for 02476 MLOps</title>');
    expect(page).toContain('<h1>Exam template for 02476 <em>MLOps</em></h1>');
    expect(page.trimEnd().endsWith('</body></html>')).toBe(true);
  });

  it('should drop the YAML front matter of the 2023/2024 templates', () => {
    const page = renderHtml('---\nlayout: default\nnav_exclude: true\n---\n\n# Report\n');
    expect(page).not.toContain('layout');
    expect(page).not.toContain('<hr>');
  });

  it('should render answers, images and code blocks', () => {
    const page = renderHtml(
      '### Question 1\n\n> Answer:\n\nWe used ![bucket](figures/bucket.png).\n\n```python\nprint(1)\n```\n',
    );
    expect(page).toContain('<h3>Question 1</h3>');
    expect(page).toContain('<blockquote>\n<p>Answer:</p>\n</blockquote>');
    expect(page).toContain('<img src="figures/bucket.png" alt="bucket">');
    expect(page).toContain('<pre><code class="language-python">print(1)\n</code></pre>');
  });

  it('should show raw HTML as text instead of running it', () => {
    const page = renderHtml('Hi <img src=x onerror=alert(1)> there\n\n<script>alert(1)</script>\n');
    expect(page).not.toContain('<img src="x"');
    expect(page).not.toContain('<script>');
    expect(page).toContain('<code class="raw-html">&#x3C;img src=x onerror=alert(1)></code>');
    expect(page).toContain('<pre><code class="raw-html">&#x3C;script>alert(1)&#x3C;/script></code></pre>');
  });

  it('should drop javascript: and data: links but keep web, mail and relative ones', () => {
    const page = renderHtml(
      '[a](javascript:alert(1)) [b]( JaVaScRiPt:x) ![c](data:image/png;base64,AA) [d](https://x.org) [e](mailto:s@dtu.dk) [f](figures/a.png)\n',
    );
    expect(page).toContain('<a>a</a>');
    expect(page).not.toMatch(/javascript/i);
    expect(page).not.toContain('data:');
    expect(page).toContain('<a href="https://x.org">d</a>');
    expect(page).toContain('<a href="mailto:s@dtu.dk">e</a>');
    expect(page).toContain('<a href="figures/a.png">f</a>');
  });

  it('should escape the title and fall back to the given one without headings', () => {
    expect(renderHtml('just text\n', { fallbackTitle: 'a</title><b>' })).toContain(
      '<title>a&#x3C;/title>&#x3C;b></title>',
    );
    expect(renderHtml('just text\n')).toContain('<title>Report</title>');
  });
});

describe('renderHtml on pathological markdown', () => {
  it.each([
    ['quotes', '> '.repeat(1000) + 'x\n'],
    ['list items', Array.from({ length: 700 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')],
    ['brackets', '['.repeat(5000) + 'x\n'],
    ['ordered items on one line', '1. '.repeat(3000) + 'x\n'],
  ])('should refuse %s nested thousands deep instead of hanging', (_, markdown) => {
    expect(() => renderHtml(markdown)).toThrow('markdown nested more than 64 levels deep');
  });

  it('should refuse thousands of list items instead of taking minutes', () => {
    const markdown = '- a\n  - a\n    - a\n\n'.repeat(1001);
    expect(() => renderHtml(markdown)).toThrow('3003 list items; report-check renders at most 3000');
  });

  it('should refuse thousands of link labels in one paragraph instead of taking minutes', () => {
    const markdown = `# Report\n\n${'[a][b] '.repeat(5001)}\n`;
    expect(() => renderHtml(markdown)).toThrow(
      '10002 `[`; report-check renders at most 5000 (links and images)',
    );
    // As many as a report could really have render, the undefined references as text.
    expect(renderHtml(`# Report\n\n${'[a][b] '.repeat(1000)}\n`)).toContain('[a][b]');
  });

  it('should render nesting a report could really have', () => {
    const markdown = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(renderHtml(markdown)).toContain('level 9');
  });
});
