// Findings of one rule about one question are listed up to a cap, the rest summed up in one finding: an answer of
// nothing but "Answer:" once gave 150,000 findings (154 MB of SARIF).
import { checkReport } from '../../src/check.js';
import { MAX_PER_QUESTION, MAX_PER_RULE } from '../../src/rules/cap.js';
import { makeReport, words } from '../support/report.js';

const check = (text: string) =>
  checkReport({ path: 'reports/README.md', content: new TextEncoder().encode(text), files: [] });

describe('the cap on findings per rule and question', () => {
  it('should list the first findings and say how many more there are', () => {
    const answer = Array.from({ length: 200 }, (_, i) => `line ${i} Answer: again`).join('\n');
    const result = check(makeReport('2026', { 3: answer, 5: `${words(5)} Answer: x` }));
    const repeated = result.diagnostics.filter((d) => d.ruleId === 'answer-repeated');
    const inThree = repeated.filter((d) => d.question === 3);
    expect(inThree).toHaveLength(MAX_PER_QUESTION + 1);
    const summary = inThree.find((d) => d.message.includes('more'));
    expect(summary?.message).toMatch(/^150 more "answer-repeated" findings in Question 3, from line \d+ on/);
    // The summary stands where the first finding it sums up would have been, after the listed ones.
    const listedLines = inThree.filter((d) => d !== summary).map((d) => d.line);
    expect(summary?.line).toBe(Math.max(...listedLines) + 1);
    expect(summary?.severity).toBe(inThree[0]?.severity);
    // Each listed finding keeps its fix; the summary has none (no one edit fixes the 150 it stands for).
    expect(inThree.filter((d) => d !== summary).every((d) => d.fix)).toBe(true);
    expect(summary?.fix).toBeUndefined();
    // Other questions keep their own findings, uncapped by Question 3's.
    expect(repeated.filter((d) => d.question === 5)).toHaveLength(1);
    expect(new Set(inThree.map((d) => d.fingerprint)).size).toBe(inThree.length);
  });

  it('should list every finding up to the cap, with no summary', () => {
    const answer = Array.from({ length: MAX_PER_QUESTION }, () => 'Answer: again').join('\n');
    const inThree = check(makeReport('2026', { 3: answer })).diagnostics.filter(
      (d) => d.ruleId === 'answer-repeated' && d.question === 3,
    );
    expect(inThree).toHaveLength(MAX_PER_QUESTION);
    expect(inThree.some((d) => d.message.includes('more'))).toBe(false);
  });
});

describe('the cap on findings outside the questions', () => {
  it('should list the first unknown question numbers and say how many more there are', () => {
    const extra = Array.from({ length: 80 }, (_, i) => `### Question ${32 + i}\n\n> Answer: a\n`).join('\n');
    const unknown = check(`${makeReport('2026', {})}\n${extra}`).diagnostics.filter(
      (d) => d.ruleId === 'question-unknown',
    );
    expect(unknown).toHaveLength(MAX_PER_QUESTION + 1);
    expect(unknown[0]?.message).toMatch(/^Question 32 is not in this edition's template/);
    const summary = unknown.at(-1);
    expect(summary?.message).toMatch(
      /^30 more "question-unknown" findings outside the questions, from line \d+ on/,
    );
    // The summary stands at the first heading it sums up: Question 82's.
    expect(summary?.line).toBe(Math.max(...unknown.slice(0, -1).map((d) => d.line)) + 4);
  });
});

describe('the cap on copies of a question', () => {
  it('should list the first copies of each question and sum up the rest of that question only', () => {
    const copies = (n: number, count: number) =>
      Array.from({ length: count }, () => `### Question ${n}\n\n> Answer: a\n`).join('\n');
    const text = `${makeReport('2026', {})}\n${copies(5, 60)}\n${copies(6, 3)}`;
    const duplicates = check(text).diagnostics.filter((d) => d.ruleId === 'question-duplicate');
    const inFive = duplicates.filter((d) => d.question === 5);
    expect(inFive).toHaveLength(MAX_PER_QUESTION + 1);
    expect(inFive.at(-1)?.message).toMatch(
      /^10 more "question-duplicate" findings in Question 5, from line \d+ on/,
    );
    // Question 6's copies come after Question 5's summary and are each listed.
    expect(duplicates.filter((d) => d.question === 6)).toHaveLength(3);
  });
});

describe('the cap on underlined lines', () => {
  it('should list the first setext headings of an answer and say how many more there are', () => {
    const answer = Array.from({ length: 60 }, (_, i) => `line ${i}\n---`).join('\n');
    const setext = check(makeReport('2026', { 4: answer })).diagnostics.filter(
      (d) => d.ruleId === 'setext-heading',
    );
    expect(setext).toHaveLength(MAX_PER_QUESTION + 1);
    expect(setext.at(-1)?.message).toMatch(
      /^10 more "setext-heading" findings in Question 4, from line \d+ on/,
    );
    expect(setext.slice(0, -1).every((d) => d.fix)).toBe(true);
  });
});

describe('the cap on findings per rule in the report', () => {
  it('should list the first findings over all questions and sum up the rest in one', () => {
    // 20 repeated `Answer:` in each of the 31 questions: 620 findings, none over the cap of its question.
    const answers = Object.fromEntries(
      Array.from({ length: 31 }, (_, i) => [i + 1, Array(20).fill('Answer: x').join('\n')]),
    );
    const repeated = check(makeReport('2026', answers)).diagnostics.filter(
      (d) => d.ruleId === 'answer-repeated',
    );
    expect(repeated).toHaveLength(MAX_PER_RULE + 1);
    const summary = repeated.find((d) => d.message.includes('more'));
    expect(summary?.message).toMatch(/^120 more "answer-repeated" findings in the report, from line \d+ on/);
    expect(summary?.question).toBeNull();
  });
});

describe('the budget of markdown parsed per report', () => {
  it('should say the images were not checked when the blocks around them are too large to parse', () => {
    // One block of 70 KB holding an image and a code span micromark must read: past the budget.
    const block = `![shot](figures/none.png) \`code\`\n${'lorem ipsum dolor sit amet\n'.repeat(2600)}`;
    const result = check(makeReport('2026', { 14: block }));
    const unparsed = result.diagnostics.filter((d) => d.ruleId === 'markdown-unparsed');
    expect(unparsed).toHaveLength(1);
    expect(unparsed[0]?.message).toMatch(/KiB of markdown .* \(Question 14\)/);
  });

  it('should parse a block of ordinary size', () => {
    const block = `![shot](figures/none.png) \`code\`\n${'lorem ipsum dolor sit amet\n'.repeat(100)}`;
    const result = check(makeReport('2026', { 14: block }));
    expect(result.diagnostics.filter((d) => d.ruleId === 'markdown-unparsed')).toHaveLength(0);
    expect(result.diagnostics.some((d) => d.ruleId.startsWith('image-'))).toBe(true);
  });
});
