import { checkReport } from '../../src/check.js';
import { loadConstraints } from '../../src/validate/custom-schema.js';
import { makePassingReport, makeReport, words } from '../support/report.js';

// summariseQuestions is the questions part of a CheckResult; checked here through checkReport's output.
describe('summariseQuestions', () => {
  it('should list every question of the edition with its counts, ranges and status', () => {
    const result = checkReport({
      path: 'r.md',
      content: makeReport('2026', { 4: words(3) }),
      edition: '2026',
    });
    expect(result.questions).toHaveLength(31);
    expect(result.questions[3]).toMatchObject({
      number: 4,
      words: 3,
      status: 'fail',
      wordRange: { min: 100, max: 200 },
    });
    expect(result.questions[4]).toMatchObject({ number: 5, answered: false, status: 'unanswered' });
  });

  it('should mark a question without a heading missing', () => {
    const text = makePassingReport('2026').replace(/### Question 2\n[^]*?(?=### Question 3\n)/, '');
    const result = checkReport({ path: 'r.md', content: text, edition: '2026' });
    expect(result.questions[1]).toMatchObject({ number: 2, line: null });
  });

  it('should list the first 50 extra questions and count the rest', () => {
    let extra = '';
    for (let n = 32; n <= 231; n++) extra += `\n### Question ${n}\n\n> Answer:\n\nan answer\n`;
    const result = checkReport({
      path: 'r.md',
      content: `${makePassingReport('2026')}${extra}`,
      edition: '2026',
    });
    expect(result.questions).toHaveLength(31 + 50);
    expect(result.questions.at(-1)).toMatchObject({ number: 81, answered: true, wordRange: null });
    expect(result.questionsOmitted).toBe(150);
  });

  it('should never leave out a question the schema gives a range for', () => {
    let extra = '';
    for (let n = 32; n <= 100; n++) extra += `\n### Question ${n}\n\n> Answer:\n\nan answer\n`;
    const constraints = loadConstraints(
      JSON.stringify({
        properties: {
          questions: { properties: { '100': { properties: { words: { minimum: 1, maximum: 5 } } } } },
        },
      }),
      'schema.json',
    );
    const content = `${makePassingReport('2026')}${extra}`;
    const result = checkReport({ path: 'r.md', content, edition: '2026', constraints });
    expect(result.questions.at(-1)).toMatchObject({ number: 100, wordRange: { min: 1, max: 5 } });
    expect(result.questionsOmitted).toBe(69 - 50 - 1);
  });

  it('should say nothing is omitted when every question is listed', () => {
    const result = checkReport({ path: 'r.md', content: makePassingReport('2026'), edition: '2026' });
    expect(result.questionsOmitted).toBeUndefined();
  });
});
