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
    expect(neutralise('&#64;octocat &#x40;octocat')).toBe('&amp;#64;octocat &amp;#x40;octocat');
  });

  it('should show markdown links and images as text', () => {
    expect(neutralise('![x](http://t.example/p.png)')).toBe('!\\[x\\](http://t.example/p.png)');
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
