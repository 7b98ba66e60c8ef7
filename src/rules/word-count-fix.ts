import type { Fix, TextEdit } from '../diagnostic.js';
import { removableWords } from './counted-text.js';
import { wordsAfter, type FixContext } from './fix-context.js';
import { placeholderFix } from './placeholder-fix.js';
import type { Finding } from './rule.js';
import { markerFix } from './template-marker-fix.js';

const byPlace = (a: TextEdit, b: TextEdit): number => a.line - b.line || a.column - b.column;

/**
 * The fix of a word count whose message names the template's `---` markers or placeholder line: the edits that
 * template-marker and placeholder-left would carry, whose findings the word count replaces, so that `--fix`
 * still removes them. Null when the count names neither.
 */
export function removableFix(found: Finding, context: FixContext): Fix | null {
  const question = found.question;
  const section = question === null ? undefined : context.rule.document.sections.get(question);
  if (question === null || !section) return null;
  const removable = removableWords(context.rule, question);
  const parts: Fix[] = [];
  const markerLine = section.markerLines[0];
  if (removable.markers > 0 && markerLine !== undefined) {
    const fix = markerFix({ ...found, line: markerLine }, context);
    if (fix) parts.push(fix);
  }
  for (const line of removable.placeholder > 0 ? section.placeholderLines : []) {
    // One call per placeholder on the line: each removes the next one.
    for (
      let fix = placeholderFix({ ...found, line }, context);
      fix;
      fix = placeholderFix({ ...found, line }, context)
    )
      parts.push(fix);
  }
  if (parts.length === 0) return null;
  return {
    description:
      removable.markers > 0 && removable.placeholder > 0
        ? "Remove the template's `---` markers and placeholder line"
        : (parts[0]?.description ?? ''),
    edits: parts.flatMap((fix) => fix.edits).sort(byPlace),
    after: wordsAfter(context, section, removable.markers + removable.placeholder),
  };
}
