import type { Diagnostic, Severity } from '../diagnostic.js';
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

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  notice: 'notice',
};

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/** One finding as a GitHub Actions workflow command (`::error file=..,line=..::message`), which the runner shows as an annotation. */
export function formatGithubDiagnostic(path: string, diagnostic: Diagnostic): string {
  const properties: [string, string | number][] = [
    ['file', path],
    ['line', diagnostic.line],
    ['endLine', Math.max(diagnostic.endLine, diagnostic.line)],
  ];
  // Columns only mean something to the runner on a one-line range.
  if (diagnostic.endLine <= diagnostic.line) {
    properties.push(['col', diagnostic.column]);
    if (diagnostic.endColumn > diagnostic.column) properties.push(['endColumn', diagnostic.endColumn]);
  }
  properties.push(['title', `report-check ${diagnostic.ruleId}`]);
  return command(COMMAND[diagnostic.severity], properties, diagnostic.message);
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
