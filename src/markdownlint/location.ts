import * as nodePath from 'node:path';
import { repositoryFiles, repositoryRoot } from '../cli/files.js';
import { nodeFileSystem } from '../cli/node-file-system.js';
import type { FileLookup } from '../validate/images.js';

/** Where a linted report lives, as the CLI sees it: its path from the repository root and the files there. */
export interface Location {
  /** The report on disk, or null when markdownlint's name is not a file. */
  file: string | null;
  path: string;
  files: FileLookup | null;
}

const DEFAULT_PATH = 'reports/README.md';

function isFile(path: string): boolean {
  try {
    return nodeFileSystem.stat(path).kind === 'file';
  } catch {
    return false;
  }
}

/**
 * The report markdownlint names (a file, relative to the working directory, or a name of a string given to
 * `lint`), placed as the CLI places it: in the nearest folder holding `.git`, its images looked up on disk (not
 * in git: one `git ls-files` per keystroke would cost more than the whole check). A name that is not a file
 * is checked as `reports/README.md` without the image checks, which need the repository.
 */
export function locate(name: string): Location {
  const absolute = nodePath.resolve(name);
  if (!isFile(absolute)) return { file: null, path: DEFAULT_PATH, files: null };
  const root = repositoryRoot(nodeFileSystem, absolute);
  return {
    file: absolute,
    path: nodePath.relative(root, absolute).split(nodePath.sep).join('/'),
    files: repositoryFiles(nodeFileSystem, root),
  };
}
