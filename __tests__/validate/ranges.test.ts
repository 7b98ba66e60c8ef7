import type { ErrorObject } from 'ajv';
import { describeRange, questionOfPath, rangeMessage, toRangeViolation } from '../../src/validate/ranges.js';

describe('describeRange', () => {
  it('should read ranges as a student would', () => {
    expect(describeRange({ min: 100, max: 200 })).toBe('100–200');
    expect(describeRange({ min: 1, max: 1 })).toBe('exactly 1');
    expect(describeRange({ min: 0, max: 200 })).toBe('at most 200');
    expect(describeRange({ min: 3, max: Infinity })).toBe('at least 3');
  });
});

describe('rangeMessage', () => {
  it('should say how many words to add or cut', () => {
    expect(rangeMessage(14, 'words', 187, { min: 200, max: 300 })).toBe(
      'Question 14 has 187 words; it needs 200–300 words, so add at least 13.',
    );
    expect(rangeMessage(7, 'words', 130, { min: 50, max: 100 })).toBe(
      'Question 7 has 130 words; it needs 50–100 words, so cut at least 30.',
    );
  });

  it('should say how to add an image, and use the singular for exactly one', () => {
    expect(rangeMessage(20, 'images', 0, { min: 1, max: 1 })).toBe(
      'Question 20 has no images; it needs exactly 1 image, so add at least 1 as ![caption](figures/name.png).',
    );
    expect(rangeMessage(19, 'images', 3, { min: 1, max: 2 })).toBe(
      'Question 19 has 3 images; it needs 1–2 images, so remove at least 1.',
    );
  });
});

describe('toRangeViolation', () => {
  const error = (instancePath: string, keyword = 'maximum', data: unknown = 250): ErrorObject => ({
    instancePath,
    schemaPath: '#',
    keyword,
    params: {},
    data,
    parentSchema: { minimum: 100, maximum: 200 },
  });

  it('should read the question, the count and the whole range of a minimum or maximum error', () => {
    expect(toRangeViolation(error('/questions/014/words'))).toEqual({
      question: 14,
      kind: 'words',
      actual: 250,
      range: { min: 100, max: 200 },
    });
    expect(toRangeViolation(error('/questions/3/images', 'minimum', 0))).toMatchObject({
      question: 3,
      kind: 'images',
    });
  });

  // The place is read by hand: what it takes is exactly what /^\/questions\/(\d+)\/(words|images)$/ matches.
  it.each([
    '',
    '/questions',
    '/questions/',
    '/questions/words',
    '/questions//words',
    '/questions/3',
    '/questions/3/',
    '/questions/3/word',
    '/questions/3/wordsx',
    '/questions/3x/words',
    '/questions/3/words/0',
    '/questions/\u0663/words',
    'questions/3/words',
    '/answers/3/words',
    '/questions/3/Images',
  ])('should read no count at %j', (path) => {
    expect(toRangeViolation(error(path))).toBeNull();
  });

  it('should read only minimum and maximum errors about a number', () => {
    expect(toRangeViolation(error('/questions/3/words', 'type'))).toBeNull();
    expect(toRangeViolation(error('/questions/3/words', 'maximum', '250'))).toBeNull();
  });
});

describe('questionOfPath', () => {
  it.each([
    '/questions/12',
    '/questions/7/words',
    '/questions/03/x',
    '/questions/',
    '/questions/x',
    '/q/1',
    '',
    '/questions/1٣',
  ])('should read %j as /^\\/questions\\/(\\d+)/ does', (path) => {
    const match = /^\/questions\/(\d+)/.exec(path);
    expect(questionOfPath(path)).toBe(match ? Number(match[1]) : null);
  });
});
