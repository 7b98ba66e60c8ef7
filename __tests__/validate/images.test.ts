import { posix } from 'node:path';
import fc from 'fast-check';
import { joinNormal } from '../../src/validate/images.js';

describe('joinNormal', () => {
  it('should join a relative path to a folder exactly as posix.normalize(posix.join()) does', () => {
    const segment = fc.constantFrom('', '.', '..', '...', '.a', 'a.', 'figures', 'a.png', 'b c', '\\', '%20');
    const path = fc.array(segment, { maxLength: 5 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(path, path, (folder, relative) => {
        expect(joinNormal(folder, relative)).toBe(posix.normalize(posix.join(folder, relative)));
      }),
      { numRuns: 5000 },
    );
    expect(joinNormal('reports', 'figures/a.png')).toBe('reports/figures/a.png');
    expect(joinNormal('.', 'figures/a.png')).toBe('figures/a.png');
    expect(joinNormal('reports', '../x/./y//z.png')).toBe('x/y/z.png');
  });
});
