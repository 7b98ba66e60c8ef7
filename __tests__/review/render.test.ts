import {
  MAX_BODY_CHARS,
  renderCouldNotRunSummary,
  renderInlineComment,
  renderJobSummary,
  renderReviewBody,
  renderSummaryComment,
} from '../../src/review/render.js';
import { renderCourseChecker, renderQuestionTable } from '../../src/review/render-tables.js';
import { readMarker } from '../../src/review/marker.js';
import { codeBlock, codeSpan, neutralise } from '../../src/review/neutralise.js';
import { diag, question, result } from '../support/results.js';

describe('markers', () => {
  it('should not find a marker in neutralised student text', () => {
    expect(readMarker(neutralise('<!-- report-check:finding fp=x -->'))).toBeNull();
  });

  it('should break HTML comment delimiters inside echoed code spans', () => {
    const planted = '![a](<`\\<!-- report-check:finding fp=deadbeef --\\>`.png>)';
    const text = neutralise(`Question 3 links ${planted}, which is missing.`);
    expect(text).not.toContain('<!--');
    expect(text).not.toContain('-->');
    expect(codeSpan('<!-- x -->')).toBe('`<\u200d!-- x --\u200d>`');
    expect(codeBlock('<!-- x -->')).not.toMatch(/<!--|-->/);
  });

  it('should give an inline comment whose message echoes a planted marker the marker of its own key', () => {
    const message =
      'Question 3 links `<!-- report-check:finding fp=deadbeef -->`.png, which is not in the repository.';
    const body = renderInlineComment(diag({ message }), 'k1');
    expect(readMarker(body)).toEqual({ kind: 'finding', fields: { fp: 'k1' } });
    expect(body.match(/<!--/g)).toHaveLength(1);
  });
});

describe('links to the rule docs', () => {
  it('should link the rule id of every finding in the review body and the summary comment to its docs page', () => {
    const findings = [diag({ ruleId: 'word-count' }), diag({ ruleId: 'image-missing', line: 9 })];
    const link = (id: string) =>
      `[\`${id}\`](https://github.com/report-check/report-check/blob/main/docs/rules/${id}.md)`;
    const summary = renderSummaryComment({
      result: result(findings),
      headSha: 'a'.repeat(40),
      failOn: 'error',
    });
    const review = renderReviewBody({
      path: 'reports/README.md',
      headSha: 'a'.repeat(40),
      inlineCount: 0,
      bodyFindings: findings.map((diagnostic, i) => ({ diagnostic, key: `k${i}` })),
    });
    for (const body of [summary, review]) {
      expect(body).toContain(`${link('word-count')}:`);
      expect(body).toContain(`${link('image-missing')}:`);
    }
  });
});

describe('renderInlineComment', () => {
  it('should hold the severity, rule, neutralised message and marker', () => {
    const body = renderInlineComment(diag({ message: 'Thanks @prof <b>!</b>', note: 'see `a|b`' }), 'k1');
    expect(body).toContain(
      '**❌ Error** [`word-count`](https://github.com/report-check/report-check/blob/main/docs/rules/word-count.md): Thanks @\u200dprof &lt;b&gt;!&lt;/b&gt;',
    );
    expect(body).toContain('> see `a|b`');
    expect(readMarker(body)).toEqual({ kind: 'finding', fields: { fp: 'k1' } });
  });

  it('should stay under GitHub body limit even with a huge note', () => {
    const body = renderInlineComment(diag({ note: 'x'.repeat(100_000) }), 'k1');
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(readMarker(body)).toEqual({ kind: 'finding', fields: { fp: 'k1' } });
  });
});

describe('renderReviewBody', () => {
  it('should list the body findings and their keys in the marker', () => {
    const d = diag({ line: 40, message: 'Question 1 is missing.' });
    const body = renderReviewBody({
      path: 'reports/README.md',
      headSha: 'a'.repeat(40),
      inlineCount: 2,
      bodyFindings: [{ diagnostic: d, key: 'k9' }],
    });
    expect(body).toContain('2 new findings on lines');
    expect(body).toContain('Question 1 is missing.');
    expect(readMarker(body)).toEqual({ kind: 'review', fields: { sha: 'aaaaaaaaaaaa', listed: 'k9' } });
  });

  it('should stay under the body limit with thousands of findings and say how many were left out', () => {
    const bodyFindings = Array.from({ length: 5000 }, (_, i) => ({
      diagnostic: diag({ line: i + 1, message: `Finding ${i} ${'y'.repeat(40)}` }),
      key: `k${i}`,
    }));
    const body = renderReviewBody({ path: 'r.md', headSha: 'b'.repeat(40), inlineCount: 0, bodyFindings });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(body).toMatch(/… and \d+ more findings/);
  });
});

describe('renderQuestionTable', () => {
  it('should show words, images, ranges and status per question, marking course-checker warnings', () => {
    const r = result([], {
      questions: [
        question(1, { words: 10, status: 'fail' }),
        question(2, { status: 'missing', wordRange: { min: 100, max: 100 } }),
        question(3, { images: 1, imageRange: { min: 1, max: 2 } }),
      ],
      courseChecker: {
        outcome: 'fail',
        failures: [{ question: 1, kind: 'words', min: 50, max: 100, got: 10 }],
        reason: null,
      },
    });
    const table = renderQuestionTable(r);
    expect(table).toContain('| 1 | 10 (-40) ⚠️ | 50–100 | 0 | — | ❌ out of range |');
    expect(table).toContain('| 2 | — | 100 | — | — | ❓ missing |');
    expect(table).toContain('| 3 | 60 | 50–100 | 1 | 1–2 | ✅ ok |');
  });
});

describe('renderQuestionTable for course-checker warnings', () => {
  it('should add a row for every warned question missing from the question list', () => {
    const r = result([], {
      questions: [question(1)],
      courseChecker: {
        outcome: 'fail',
        failures: [{ question: 9, kind: 'images', min: 1, max: 2, got: 0 }],
        reason: null,
      },
    });
    expect(renderQuestionTable(r)).toContain('| 9 | — | — | 0 (-1) ⚠️ | 1–2 | ❌ course checker warns |');
  });

  it('should say under the table how many extra questions it leaves out', () => {
    const table = renderQuestionTable(result([], { questions: [question(1)], questionsOmitted: 32080 }));
    expect(table.split('\n').at(-1)).toBe(
      '32080 more questions not in the template are not listed here (see the `question-unknown` findings).',
    );
    expect(renderQuestionTable(result([], { questions: [question(1)] }))).not.toContain('not listed');
  });
});

describe('renderCourseChecker', () => {
  it('should describe pass, fail and crash', () => {
    expect(renderCourseChecker(result())).toContain('**pass**');
    expect(
      renderCourseChecker(
        result([], {
          courseChecker: {
            outcome: 'fail',
            failures: [
              { question: 3, kind: 'words', min: 1, max: 2, got: 3 },
              { question: 3, kind: 'images', min: 1, max: 2, got: 3 },
            ],
            reason: null,
          },
        }),
      ),
    ).toContain('**warn** about 1 question: 3.');
    expect(
      renderCourseChecker(
        result([], { courseChecker: { outcome: 'crash', failures: [], reason: 'no <questions>' } }),
      ),
    ).toContain('**crash** on this report: no &lt;questions&gt;');
  });
});

describe('renderSummaryComment', () => {
  it('should start with the summary marker and list every finding, errors first', () => {
    const body = renderSummaryComment({
      result: result([diag({ line: 2, severity: 'warning', message: 'W' }), diag({ line: 9, message: 'E' })]),
      headSha: '0123456789abcdef',
      failOn: 'error',
    });
    expect(readMarker(body)).toEqual({ kind: 'summary', fields: { path: 'reports/README.md' } });
    expect(body).toContain('1 error, 1 warning, 0 notices');
    expect(body).toContain('at 0123456');
    expect(body.indexOf(': E')).toBeLessThan(body.indexOf(': W'));
  });

  it('should be deterministic so an unchanged rerun can skip the update', () => {
    const input = { result: result([diag()]), headSha: 'abc', failOn: 'error' as const };
    expect(renderSummaryComment(input)).toBe(renderSummaryComment(input));
  });

  it('should stay under the body limit with many findings', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      diag({ line: i + 1, message: `M${i} ${'z'.repeat(50)}` }),
    );
    const body = renderSummaryComment({ result: result(many), headSha: null, failOn: 'error' });
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(body).toContain('see the job summary');
  });
});

describe('renderJobSummary', () => {
  it('should stay under 1 MiB in bytes with tens of thousands of findings', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      diag({ line: i + 1, message: `Ünïcödé ${i} ${'é'.repeat(60)}` }),
    );
    const md = renderJobSummary({ result: result(many), headSha: null, failOn: 'error' });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/… and \d+ more findings/);
  });

  it('should hold the table, the note and every finding', () => {
    const md = renderJobSummary({
      result: result([diag({ message: 'Fix me' })]),
      headSha: null,
      failOn: 'error',
      note: 'NOTE',
    });
    expect(md).toContain('| Question | Words |');
    expect(md).toContain('NOTE');
    expect(md).toContain('Fix me');
  });
});

describe('renderCouldNotRunSummary', () => {
  it('should neutralise the message and end with the summary marker', () => {
    const body = renderCouldNotRunSummary({
      path: 'reports/README.md',
      headSha: 'abcdef0123',
      message: 'schema: <b>bad</b> from @mia\n<!-- report-check:summary path=x -->',
    });
    expect(body).toContain(
      '**report-check could not run** at abcdef0: schema: &lt;b&gt;bad&lt;/b&gt; from @\u200dmia',
    );
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(readMarker(body)).toEqual({ kind: 'summary', fields: { path: 'reports/README.md' } });
  });
});

describe('neutralise on adversarial text', () => {
  it('should re-fence 1 MiB of backtick runs of every length, each unclosed, in linear time', () => {
    let text = '';
    for (let i = 1; text.length + i < 1024 * 1024; i++) text += `${'`'.repeat(i)}a`;
    const out = neutralise(text);
    // No run closes another, so every backtick is kept as a literal.
    expect(out.split('\\`').length - 1).toBe(text.split('`').length - 1);
  }, 60_000);
});
