import { codeBlock, codeSpan, neutralise } from '../../src/review/neutralise.js';

describe('neutralise', () => {
  it('should break @mentions with a zero-width joiner', () => {
    expect(neutralise('ask @octocat or @org/team')).toBe('ask @\u200doctocat or @\u200dorg/team');
  });

  it('should escape HTML so no tag or comment renders', () => {
    expect(neutralise('<img src=x onerror=alert(1)> <!-- report-check:summary -->')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &lt;!-- report-check:summary --&gt;',
    );
  });

  it('should keep entity-spelled mentions from rendering as @', () => {
    expect(neutralise('&#64;octocat &#x40;octocat')).toBe('&amp;#\u200d64;octocat &amp;#x40;octocat');
  });

  it('should write line breaks, separators, controls and bidi overrides as \\u{..} on one line', () => {
    expect(neutralise('a\nb\r\u2028\u2029\u202e\u2066\u0007')).toBe(
      'a\\\\u{000a}b\\\\u{000d}\\\\u{2028}\\\\u{2029}\\\\u{202e}\\\\u{2066}\\\\u{0007}',
    );
    expect(neutralise('`a\u202eb`')).toBe('`a\\u{202e}b`');
  });

  it('should escape emphasis, table pipes and backslashes, and break #refs and autolinks', () => {
    expect(neutralise('*a* _b_ ~c~ | \\[')).toBe('\\*a\\* \\_b\\_ \\~c\\~ \\| \\\\\\[');
    expect(neutralise('#12 www.x.org https://x.org')).toBe('#\u200d12 www\u200d.x.org https\u200d://x.org');
  });

  it('should show markdown links and images as text', () => {
    expect(neutralise('![x](http://t.example/p.png)')).toBe('!\\[x\\](http\u200d://t.example/p.png)');
  });

  it('should keep code spans verbatim and re-fence them', () => {
    expect(neutralise('use `<b>@me</b>` here')).toBe('use `<b>@me</b>` here');
    expect(neutralise('a `` x ` y `` b')).toBe('a ``x ` y`` b');
  });

  it('should escape an unclosed backtick', () => {
    expect(neutralise('it`s <b>')).toBe('it\\`s &lt;b&gt;');
  });
});

describe('codeSpan and codeBlock', () => {
  it('should fence with more backticks than the longest run inside', () => {
    expect(codeSpan('a ``` b')).toBe('````a ``` b````');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeBlock('```\ncode\n```')).toBe('````text\n```\ncode\n```\n````');
    expect(codeBlock('plain')).toBe('```text\nplain\n```');
  });
});
