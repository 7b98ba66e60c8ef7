import { toAnnotation } from '../annotation.js';
import type { Diagnostic } from '../diagnostic.js';
import type { CheckResult } from '../result.js';
import type { FileFailure } from './file-failure.js';

// Workflow-command escaping as the runner decodes it (actions/toolkit packages/core/src/command.ts):
// the message escapes % CR LF; property values also escape : and , because they delimit properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/** One finding as a GitHub Actions workflow command (`::error file=..,line=..::message`), which the runner shows as an annotation. */
export function formatGithubDiagnostic(path: string, diagnostic: Diagnostic): string {
  const a = toAnnotation(diagnostic, path);
  const properties: [string, string | number][] = [
    ['file', a.file],
    ['line', a.startLine],
    ['endLine', a.endLine],
  ];
  if (a.startColumn !== undefined) properties.push(['col', a.startColumn]);
  if (a.endColumn !== undefined && a.endColumn > (a.startColumn ?? 0))
    properties.push(['endColumn', a.endColumn]);
  properties.push(['title', a.title]);
  return command(a.level, properties, a.message);
}

/** Workflow commands for checked reports and for reports that could not be read, one per line. */
export function formatGithub(results: readonly CheckResult[], failures: readonly FileFailure[] = []): string {
  const lines = results.flatMap((result) =>
    result.diagnostics.map((diagnostic) => formatGithubDiagnostic(result.path, diagnostic)),
  );
  for (const failure of failures) {
    lines.push(
      command(
        'error',
        [
          ['file', failure.path],
          ['title', 'report-check'],
        ],
        `Could not check: ${failure.message}`,
      ),
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
