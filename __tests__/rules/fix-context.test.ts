import fc from 'fast-check';
import { lineStarts } from '../../src/parse/lines.js';
import { fixContext } from '../../src/rules/fix-context.js';
import { onceTable } from '../../src/rules/once.js';
import type { RuleContext } from '../../src/rules/rule.js';

/** The code lines of `text` as a line-by-line reading finds them: each line tried as a fence in turn. */
function codeLinesByLine(text: string): number[] {
  const lines = text.split('\n');
  if (text.endsWith('\n') && lines.length > 1) lines.pop();
  const code: number[] = [];
  let open: string | null = null;
  lines.forEach((line, index) => {
    const match = /^[ \t>]*(`{3,}|~{3,})/.exec(line);
    const fence =
      match?.[1]?.startsWith('`') && line.slice(match[0].length).includes('`') ? undefined : match?.[1];
    if (open !== null) {
      code.push(index + 1);
      if (fence && fence[0] === open[0] && fence.length >= open.length) open = null;
    } else if (fence) {
      code.push(index + 1);
      open = fence;
    }
  });
  if (lines[0]?.replace(/^\uFEFF/, '').trim() === '---') {
    for (let i = 0; i < lines.length; i++) {
      if (!code.includes(i + 1)) code.push(i + 1);
      if (i > 0 && lines[i]?.trim() === '---') break;
    }
  }
  return code.sort((a, b) => a - b);
}

function inCodeLines(text: string): number[] {
  const rule = {
    model: { text, lineStarts: lineStarts(text), questions: [] },
    once: onceTable(),
  } as unknown as RuleContext;
  const context = fixContext(rule);
  const found: number[] = [];
  for (let line = 1; line <= context.lines.lineCount; line++) if (context.inCode(line)) found.push(line);
  return found;
}

describe('fixContext inCode', () => {
  it('should find the fenced lines a line-by-line reading finds', () => {
    const line = fc.constantFrom(
      '```',
      '````',
      '```python',
      '```text```',
      '~~~',
      '~~~~',
      '~~',
      '> ```',
      '>> ~~~ x',
      '  \t```',
      '``x',
      '`code`',
      'text ```',
      '---',
      '',
      'Answer: words',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.boolean(), (lines, final) => {
        const text = lines.join('\n') + (final ? '\n' : '');
        expect(inCodeLines(text)).toEqual(codeLinesByLine(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('should run an unclosed fence to the last line', () => {
    expect(inCodeLines('a\n~~~~\nb\n~~~\nc\n')).toEqual([2, 3, 4, 5]);
    expect(inCodeLines('```\n```text```\n````\n```')).toEqual([1, 2, 3, 4]);
  });
});
