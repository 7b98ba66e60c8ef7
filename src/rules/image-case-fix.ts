import type { Fix } from '../diagnostic.js';
import type { ImageRef } from '../parse/report.js';
import type { FixContext } from './fix-context.js';
import { editAt } from './fix-edit.js';
import type { Finding } from './rule.js';

/**
 * `src` with the case of the real file: the characters of its end that match the resolved path (ignoring case)
 * take the file's case. Null when a case difference lies outside what `src` spells (e.g. in the folder above it).
 */
export function recase(src: string, resolved: string, other: string): string | null {
  if (other.length !== resolved.length || other.toLowerCase() !== resolved.toLowerCase()) return null;
  const chars = [...src];
  let i = src.length;
  let j = resolved.length;
  while (i > 0 && j > 0 && src[i - 1]?.toLowerCase() === resolved[j - 1]?.toLowerCase()) {
    chars[i - 1] = other[j - 1] ?? '';
    i--;
    j--;
  }
  if (other.slice(0, j) !== resolved.slice(0, j)) return null;
  const fixed = chars.join('');
  return fixed === src ? null : fixed;
}

/** The question's images by where they start, indexed once per question. */
function imagesAt(context: FixContext, line: number): Map<string, ImageRef> {
  const section = context.sectionAt(line);
  return context.once(`images:${section?.start ?? -1}`, () => {
    const map = new Map<string, ImageRef>();
    for (const image of section?.imageRefs ?? []) map.set(`${image.start.line}:${image.start.column}`, image);
    return map;
  });
}

/** Changes the link's case to the file's: only the path, the alt text and the file stay as they are. */
export function imageCaseFix(found: Finding, context: FixContext): Fix | null {
  const image = imagesAt(context, found.line).get(`${found.line}:${found.column}`);
  const { expected, actual } = found;
  if (!image || image.kind === 'reference' || typeof expected !== 'string' || typeof actual !== 'string')
    return null;
  const src = image.src.trim();
  const fixed = recase(src, actual, expected);
  const start = context.lines.offsetOf(image.start.line, image.start.column);
  const end = context.lines.offsetOf(image.end.line, image.end.column);
  if (fixed === null || start === null || end === null) return null;
  const raw = context.lines.text.slice(start, end);
  // The path as written: after `](` in markdown, after `src=` in HTML (not the alt text, which may repeat it).
  const after = image.kind === 'markdown' ? raw.lastIndexOf('](') : (/src\s*=\s*/i.exec(raw)?.index ?? -1);
  const at = after === -1 ? -1 : raw.indexOf(src, after);
  if (at === -1) return null;
  return {
    description: `Change the link to ${fixed}, the case of the file`,
    edits: [editAt(context.lines, start + at, start + at + src.length, fixed)],
  };
}
