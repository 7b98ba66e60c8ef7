import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileSystem } from '../../src/cli/node-file-system.js';

describe('nodeFileSystem', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-check-fs-'));
    mkdirSync(join(dir, 'reports/figures'), { recursive: true });
    writeFileSync(join(dir, 'reports/README.md'), '# Report\n');
    writeFileSync(join(dir, 'reports/figures/a.png'), 'png');
    symlinkSync(join(dir, 'reports/figures/a.png'), join(dir, 'reports/linked.png'));
    symlinkSync(join(dir, 'reports'), join(dir, 'reports/loop'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'reports/broken.png'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should tell files from folders and give sizes', () => {
    expect(nodeFileSystem.stat(join(dir, 'reports/README.md'))).toEqual({ kind: 'file', size: 9 });
    expect(nodeFileSystem.stat(join(dir, 'reports')).kind).toBe('directory');
  });

  it('should throw ENOENT for a missing file', () => {
    expect(() => nodeFileSystem.stat(join(dir, 'nope'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('should read bytes', () => {
    expect(new TextDecoder().decode(nodeFileSystem.readFile(join(dir, 'reports/README.md')))).toBe(
      '# Report\n',
    );
  });

  it('should count linked files but not follow linked folders or broken links', () => {
    const entries = nodeFileSystem.readDir(join(dir, 'reports'));
    expect(entries.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'broken.png', kind: 'other' },
      { name: 'figures', kind: 'directory' },
      { name: 'linked.png', kind: 'file' },
      { name: 'loop', kind: 'other' },
      { name: 'README.md', kind: 'file' },
    ]);
  });

  it('should write text', () => {
    nodeFileSystem.writeFile(join(dir, 'out.html'), '<p>x</p>');
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toBe('<p>x</p>');
  });
});
