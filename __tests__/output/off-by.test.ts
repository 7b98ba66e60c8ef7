import { formatOffBy, offBy, withOffBy } from '../../src/output/off-by.js';

describe('offBy', () => {
  it('should say how many are missing below the minimum, as a negative number', () => {
    expect(offBy(187, { min: 200, max: 300 })).toBe(-13);
  });

  it('should say how many are too many above the maximum, as a positive number', () => {
    expect(offBy(136, { min: 50, max: 100 })).toBe(36);
  });

  it('should be 0 inside the range, on its bounds, without a range and below no maximum', () => {
    expect(offBy(200, { min: 200, max: 300 })).toBe(0);
    expect(offBy(300, { min: 200, max: 300 })).toBe(0);
    expect(offBy(5, null)).toBe(0);
    expect(offBy(10_000, { min: 1, max: Number.POSITIVE_INFINITY })).toBe(0);
  });
});

describe('formatOffBy and withOffBy', () => {
  it('should sign the distance: -13 short, +36 over, nothing inside', () => {
    expect(formatOffBy(187, { min: 200, max: 300 })).toBe('-13');
    expect(formatOffBy(136, { min: 50, max: 100 })).toBe('+36');
    expect(formatOffBy(60, { min: 50, max: 100 })).toBe('');
  });

  it('should put the distance after the count only when it is out of range', () => {
    expect(withOffBy(187, { min: 200, max: 300 })).toBe('187 (-13)');
    expect(withOffBy(250, { min: 200, max: 300 })).toBe('250');
  });
});
