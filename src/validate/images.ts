import { posix } from 'node:path';
import { fingerprint, type Diagnostic } from '../diagnostic.js';
import type { QuestionSection } from '../parse/report.js';

/** Image formats the course template asks for. */
const ALLOWED_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** What the image checks ask of a repository's files; paths are relative to its root, `/`-separated. */
export interface FileLookup {
  /** Whether there is a file at exactly this path (case included). */
  has(path: string): boolean;
  /** The path of the file that matches `path` ignoring case, if there is one. */
  findIgnoringCase(path: string): string | undefined;
}

/** A {@link FileLookup} over a list of every file in the repository (the action has one from the git tree). */
export function indexFiles(files: readonly string[]): FileLookup {
  const exact = new Set<string>();
  const lower = new Map<string, string>();
  for (const file of files) {
    const path = file.replace(/^\.\//, '');
    exact.add(path);
    if (!lower.has(path.toLowerCase())) lower.set(path.toLowerCase(), path);
  }
  return { has: (path) => exact.has(path), findIgnoringCase: (path) => lower.get(path.toLowerCase()) };
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/**
 * Checks every image of a question: remote URLs, paths leaving the repository, formats other than PNG/JPEG,
 * files missing from the repository or differing in case (GitHub and the course's Linux build are case-sensitive).
 * `files` null skips the existence checks (nothing is known about the repository).
 */
export function checkImages(
  section: QuestionSection,
  reportPath: string,
  files: FileLookup | null,
): Omit<Diagnostic, 'path'>[] {
  const found: Omit<Diagnostic, 'path'>[] = [];
  const q = section.number;
  for (const image of section.imageRefs) {
    const at = {
      line: image.start.line,
      column: image.start.column,
      endLine: image.end.line,
      endColumn: image.end.column,
      question: q,
    };
    const add = (ruleId: string, message: string, key: string, extra: Partial<Diagnostic> = {}): void => {
      found.push({
        ruleId,
        severity: 'warning',
        message,
        ...at,
        fingerprint: fingerprint(ruleId, q, key),
        ...extra,
      });
    };
    if (image.kind === 'reference') {
      add(
        'image-not-counted',
        `Question ${q} uses a reference-style image, which the course checker does not count; write it as ![alt](path).`,
        image.alt,
      );
      continue;
    }
    if (image.kind === 'html') {
      add(
        'image-not-counted',
        `Question ${q} uses an <img> tag, which the course checker does not count; write it as ![alt](${image.src}).`,
        image.src,
      );
    }
    const src = image.src.trim();
    if (src === '') {
      add('image-missing', `Question ${q} has an image with an empty path; link the screenshot's file.`, '');
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
      add(
        'image-remote',
        `Question ${q} links a remote image (${src}); add the file to the repository's figures folder and link it there, as the hand-in is built from the repository.`,
        src,
      );
      continue;
    }
    // Cut at the first `?` or `#` (a query or fragment); `/[?#].*$/` backtracked on a path of many `?`.
    const query = src.search(/[?#]/);
    const clean = safeDecode(query === -1 ? src : src.slice(0, query));
    const resolved = clean.startsWith('/')
      ? posix.normalize(clean.slice(1))
      : posix.normalize(posix.join(posix.dirname(reportPath), clean));
    if (resolved === '..' || resolved.startsWith('../')) {
      add(
        'image-outside-repository',
        `Question ${q} links ${src}, which points outside the repository.`,
        src,
      );
      continue;
    }
    const extension = posix.extname(resolved).toLowerCase();
    if (!ALLOWED_EXTENSIONS.has(extension)) {
      add(
        'image-format',
        `Question ${q} links ${src}; the template asks for .png, .jpg or .jpeg images, so convert it.`,
        src,
        { expected: [...ALLOWED_EXTENSIONS], actual: extension || '(none)' },
      );
    }
    const folder = posix.dirname(reportPath);
    const outsideFolder = folder !== '.' && !resolved.startsWith(`${folder}/`);
    if (!files || files.has(resolved)) {
      if (files && outsideFolder) {
        add(
          'image-outside-report-folder',
          `Question ${q} links ${src}, outside ${folder}/, the folder the course collects for the hand-in; move the image into ${folder}/figures/ and link it from there.`,
          src,
          { actual: resolved },
        );
      }
      continue;
    }
    const other = files.findIgnoringCase(resolved);
    if (other) {
      add(
        'image-case',
        `Question ${q} links ${src}, but the file is ${other}: the case differs, so the image breaks on GitHub; fix the link or rename the file.`,
        src,
        { expected: other, actual: resolved },
      );
    } else {
      add(
        'image-missing',
        `Question ${q} links ${src}, but ${resolved} is not in the repository; add the file or fix the path.`,
        src,
        { actual: resolved },
      );
    }
  }
  return found;
}
