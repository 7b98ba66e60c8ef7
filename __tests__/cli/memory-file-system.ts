import * as nodePath from 'node:path';
import type { CliFileSystem, DirEntry } from '../../src/cli/file-system.js';

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/**
 * An in-memory file system for CLI tests: `files` maps absolute paths to contents; folders exist implicitly.
 * `written` collects what the CLI writes.
 */
export function memoryFileSystem(files: Record<string, string | Uint8Array>): CliFileSystem & {
  written: Map<string, string>;
} {
  const contents = new Map(
    Object.entries(files).map(([path, content]) => [
      path,
      typeof content === 'string' ? new TextEncoder().encode(content) : content,
    ]),
  );
  const isDir = (path: string): boolean => {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...contents.keys()].some((file) => file.startsWith(prefix));
  };
  const written = new Map<string, string>();
  return {
    written,
    stat(path) {
      const content = contents.get(path);
      if (content) return { kind: 'file', size: content.length };
      if (isDir(path)) return { kind: 'directory', size: 4096 };
      throw fsError('ENOENT', path);
    },
    readFile(path) {
      const content = contents.get(path);
      if (content) return content;
      throw fsError(isDir(path) ? 'EISDIR' : 'ENOENT', path);
    },
    readDir(path) {
      if (!isDir(path)) throw fsError('ENOENT', path);
      const names = new Map<string, DirEntry>();
      for (const file of contents.keys()) {
        const rel = nodePath.posix.relative(path, file);
        if (rel.startsWith('..')) continue;
        const [first, ...rest] = rel.split('/');
        if (first) names.set(first, { name: first, kind: rest.length > 0 ? 'directory' : 'file' });
      }
      return [...names.values()];
    },
    writeFile(path, text) {
      if (!isDir(nodePath.posix.dirname(path))) throw fsError('ENOENT', path);
      written.set(path, text);
    },
    rename(from, to) {
      const text = written.get(from);
      if (text === undefined) throw fsError('ENOENT', from);
      written.delete(from);
      written.set(to, text);
      contents.set(to, new TextEncoder().encode(text));
    },
  };
}
