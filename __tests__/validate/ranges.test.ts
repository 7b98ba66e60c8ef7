import { describeRange, rangeMessage } from '../../src/validate/ranges.js';

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
