import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CliFileSystem, FileKind } from './file-system.js';

function kindOf(stat: fs.Stats | fs.Dirent): FileKind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  return 'other';
}

/** The CLI's file-system port over node:fs (synchronous: the CLI reads a handful of small files). */
export const nodeFileSystem: CliFileSystem = {
  stat(path) {
    const stat = fs.statSync(path);
    return { kind: kindOf(stat), size: stat.size };
  },
  readFile: (path) => fs.readFileSync(path),
  readDir(path) {
    return fs.readdirSync(path, { withFileTypes: true }).map((entry) => {
      if (!entry.isSymbolicLink()) return { name: entry.name, kind: kindOf(entry) };
      // A linked file counts (an image may be a link); a linked folder is not followed (it could loop).
      try {
        const target = fs.statSync(nodePath.join(path, entry.name));
        return { name: entry.name, kind: target.isFile() ? 'file' : 'other' };
      } catch {
        return { name: entry.name, kind: 'other' };
      }
    });
  },
  writeFile: (path, text) => fs.writeFileSync(path, text),
  rename: (from, to) => fs.renameSync(from, to),
};
