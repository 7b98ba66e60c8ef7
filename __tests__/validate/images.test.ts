import { posix } from 'node:path';
import fc from 'fast-check';
import { imageTarget, joinNormal, type ImageTarget } from '../../src/validate/images.js';

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

describe('imageTarget', () => {
  const point = { line: 1, column: 1 };
  const follow = (src: string): ImageTarget =>
    imageTarget({ src, alt: '', kind: 'markdown', start: point, end: point }, 'reports/README.md', null);

  it('should take a link for a URL exactly when it starts with a scheme or `//`', () => {
    const char = fc.constantFrom(
      'a',
      'Z',
      'h',
      '0',
      '9',
      '+',
      '.',
      '-',
      ':',
      '/',
      '?',
      '#',
      '_',
      ' ',
      'é',
      'K',
    );
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 8 }).map((chars) => chars.join('')),
        (src) => {
          const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src.trim());
          expect(follow(src).kind === 'remote').toBe(remote);
        },
      ),
      { numRuns: 5000 },
    );
    expect(follow('https://example.com/a.png').kind).toBe('remote');
    expect(follow('C:figures/a.png').kind).toBe('remote');
    expect(follow('1a:b.png').kind).not.toBe('remote');
  });

  it('should cut a link at its first `?` or `#`', () => {
    const resolved = (src: string): string | undefined => {
      const target = follow(src);
      return target.kind === 'in-repository' ? target.resolved : undefined;
    };
    expect(resolved('figures/a.png?raw=1#x')).toBe('reports/figures/a.png');
    expect(resolved('figures/a.png#x?raw=1')).toBe('reports/figures/a.png');
    expect(resolved('figures/b.png#')).toBe('reports/figures/b.png');
    expect(resolved('figures/c.png')).toBe('reports/figures/c.png');
  });
});
