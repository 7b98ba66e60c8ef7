import { planAnnotations, toAnnotation } from '../src/annotation.js';
import { ruleDocsUrl } from '../src/project.js';
import { diag } from './support/results.js';

describe('planAnnotations', () => {
  it('should order errors first, then by line, with columns only on one-line findings', () => {
    const annotations = planAnnotations([
      diag({ line: 1, severity: 'notice' }),
      diag({ line: 7, endLine: 9, severity: 'error' }),
      diag({ line: 3, column: 2, endColumn: 5, severity: 'error', question: null, note: 'n' }),
    ]);
    expect(annotations.map((a) => [a.level, a.startLine])).toEqual([
      ['error', 3],
      ['error', 7],
      ['notice', 1],
    ]);
    expect(annotations[0]).toMatchObject({ startColumn: 2, endColumn: 5, title: 'report-check: word-count' });
    expect(annotations[1]).toMatchObject({ endLine: 9, title: 'report-check: word-count (question 1)' });
    expect(annotations[1]?.startColumn).toBeUndefined();
  });
});

describe('toAnnotation', () => {
  it('should name the rule and the question in the title and add the note to the message', () => {
    expect(toAnnotation(diag({ line: 4, endLine: 4, column: 3, endColumn: 1, note: 'why' }), 'r.md')).toEqual(
      {
        level: 'error',
        message: `${diag().message}\nwhy\nDocs: ${ruleDocsUrl('word-count')}`,
        title: 'report-check: word-count (question 1)',
        file: 'r.md',
        startLine: 4,
        endLine: 4,
        startColumn: 3,
        endColumn: 3,
      },
    );
  });

  it('should never end an annotation before it starts', () => {
    expect(toAnnotation(diag({ line: 9, endLine: 2 }))).toMatchObject({ startLine: 9, endLine: 9 });
  });
});
