// Named imports of node's modules throughout src/cli: the CommonJS bundle turns a namespace import into a copy of
// every export of the module (about a hundred getters for node:fs) made at load.
import {
  type Dirent,
  type Stats,
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { CliFileSystem, FileKind } from './file-system.js';

function kindOf(stat: Stats | Dirent): FileKind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'directory';
  return 'other';
}

/** The CLI's file-system port over node:fs (synchronous: the CLI reads a handful of small files). */
export const nodeFileSystem: CliFileSystem = {
  stat(path) {
    const stat = statSync(path);
    return { kind: kindOf(stat), size: stat.size };
  },
  exists: (path) => existsSync(path),
  readFile: (path) => readFileSync(path),
  readDir(path) {
    return readdirSync(path, { withFileTypes: true }).map((entry) => {
      if (!entry.isSymbolicLink()) return { name: entry.name, kind: kindOf(entry) };
      // A linked file counts (an image may be a link); a linked folder is not followed (it could loop).
      try {
        const target = statSync(join(path, entry.name));
        return { name: entry.name, kind: target.isFile() ? 'file' : 'other' };
      } catch {
        return { name: entry.name, kind: 'other' };
      }
    });
  },
  readNames: (path) => readdirSync(path),
  entryKind(path) {
    try {
      const stat = lstatSync(path);
      if (!stat.isSymbolicLink()) return kindOf(stat);
      return statSync(path).isFile() ? 'file' : 'other';
    } catch {
      return 'other';
    }
  },
  realPath(path) {
    try {
      return realpathSync.native(path);
    } catch {
      return path;
    }
  },
  writeFile: (path, text) => writeFileSync(path, text),
  rename: (from, to) => renameSync(from, to),
};
