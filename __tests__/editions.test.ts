import { EDITIONS, LATEST_EDITION } from '../src/editions.js';

describe('editions', () => {
  it('should list the editions oldest first, the latest last', () => {
    expect(EDITIONS).toEqual(['2023', '2024', '2025', '2026']);
    expect(LATEST_EDITION).toBe('2026');
  });
});
