import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryFiles } from '../../src/cli/files.js';
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

  it('should tell whether anything is at a path, following links', () => {
    expect(nodeFileSystem.exists?.(join(dir, 'reports/README.md'))).toBe(true);
    expect(nodeFileSystem.exists?.(join(dir, 'reports'))).toBe(true);
    expect(nodeFileSystem.exists?.(join(dir, 'reports/linked.png'))).toBe(true);
    expect(nodeFileSystem.exists?.(join(dir, 'reports/broken.png'))).toBe(false);
    expect(nodeFileSystem.exists?.(join(dir, 'nope'))).toBe(false);
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

  it('should give the names of a folder, and each kind as readDir does', () => {
    const folder = join(dir, 'reports');
    const names = nodeFileSystem.readNames?.(folder) ?? [];
    const entries = nodeFileSystem.readDir(folder);
    expect([...names].sort()).toEqual(entries.map((entry) => entry.name).sort());
    for (const entry of entries)
      expect(nodeFileSystem.entryKind?.(join(folder, entry.name))).toBe(entry.kind);
  });

  it('should find images through the names, exactly or ignoring case', () => {
    const files = repositoryFiles(nodeFileSystem, dir);
    expect(files.has('reports/figures/a.png')).toBe(true);
    expect(files.has('reports/linked.png')).toBe(true);
    expect(files.has('reports/figures/A.png')).toBe(false);
    expect(files.has('reports/figures')).toBe(false);
    expect(files.has('reports/loop/figures/a.png')).toBe(false);
    expect(files.has('reports/broken.png')).toBe(false);
    expect(files.findIgnoringCase('Reports/Figures/A.PNG')).toBe('reports/figures/a.png');
    expect(files.findIgnoringCase('reports/figures/b.png')).toBeUndefined();
    expect(repositoryFiles(nodeFileSystem, join(dir, 'nope')).has('reports/figures/a.png')).toBe(false);
  });

  it('should write text', () => {
    nodeFileSystem.writeFile(join(dir, 'out.html'), '<p>x</p>');
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toBe('<p>x</p>');
  });
});
