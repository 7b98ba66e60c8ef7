import type { Diagnostic, Severity } from '../diagnostic.js';
import type { CheckResult } from '../result.js';
import { ruleDocsUrl } from '../project.js';
import { findRule } from '../rules/index.js';
import type { FileFailure } from './file-failure.js';

/** SARIF 2.1.0 (OASIS), the format GitHub code scanning and editors' SARIF viewers read. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What the SARIF log says about the tool. */
export interface SarifOptions {
  /** report-check's version, for `tool.driver.version`. */
  version: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

/** A report path as a SARIF artifact URI: relative paths stay relative (to `%SRCROOT%`), percent-encoded. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const posix = path.replace(/\\/g, '/');
  const encoded = posix
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${encoded.replace('%3A', ':')}` };
  if (posix.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function region(diagnostic: Diagnostic): Record<string, number> {
  const out: Record<string, number> = {
    startLine: Math.max(1, diagnostic.line),
    startColumn: Math.max(1, diagnostic.column),
    endLine: Math.max(diagnostic.line, diagnostic.endLine, 1),
  };
  // SARIF's endColumn is exclusive, like ours; an empty or inverted range would be rejected, so leave it out.
  if (diagnostic.endLine > diagnostic.line || diagnostic.endColumn > diagnostic.column) {
    out.endColumn = Math.max(1, diagnostic.endColumn);
  }
  return out;
}

/** A rule's SARIF reportingDescriptor: its summary, description, examples and docs page, from the registry. */
function ruleDescriptor(id: string): Record<string, unknown> {
  const rule = findRule(id);
  if (!rule) return { id, name: id, shortDescription: { text: id }, helpUri: ruleDocsUrl(id) };
  const text = `${rule.description}\n\nBad:\n${rule.bad}\n\nGood:\n${rule.good}`;
  const markdown = [
    rule.description,
    `Bad:\n\n\`\`\`markdown\n${rule.bad}\n\`\`\``,
    `Good:\n\n\`\`\`markdown\n${rule.good}\n\`\`\``,
    `[Read more](${ruleDocsUrl(id)})`,
  ].join('\n\n');
  return {
    id,
    name: id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.description },
    help: { text, markdown },
    helpUri: ruleDocsUrl(id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { fixable: rule.fixable },
  };
}

/**
 * A report's findings as SARIF results. Its artifact location is made once per report and each rule's docs URL
 * once per run (`helpUri`), not once per finding.
 */
function sarifResults(
  result: CheckResult,
  ruleIndex: ReadonlyMap<string, number>,
  helpUri: ReadonlyMap<string, string>,
): Record<string, unknown>[] {
  const artifact = artifactLocation(result.path);
  return result.diagnostics.map((diagnostic) => ({
    ruleId: diagnostic.ruleId,
    ruleIndex: ruleIndex.get(diagnostic.ruleId),
    // The rule by reference: viewers follow it to the rule's helpUri, its docs page.
    rule: { id: diagnostic.ruleId, index: ruleIndex.get(diagnostic.ruleId) },
    level: LEVEL[diagnostic.severity],
    message: { text: diagnostic.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(diagnostic) } }],
    partialFingerprints: { 'reportCheck/v1': diagnostic.fingerprint },
    properties: {
      severity: diagnostic.severity,
      question: diagnostic.question,
      helpUri: helpUri.get(diagnostic.ruleId),
      ...(diagnostic.note === undefined ? {} : { note: diagnostic.note }),
    },
  }));
}

/** One SARIF 2.1.0 log (one run) for checked reports; reports that could not be read become tool notifications. */
export function toSarif(
  results: readonly CheckResult[],
  failures: readonly FileFailure[],
  options: SarifOptions,
): Record<string, unknown> {
  const ruleIds = [...new Set(results.flatMap((result) => result.diagnostics.map((d) => d.ruleId)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const helpUri = new Map(ruleIds.map((id) => [id, ruleDocsUrl(id)]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-check',
            version: options.version,
            rules: ruleIds.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((failure) => ({
              level: 'error',
              message: { text: failure.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.path) } }],
            })),
          },
        ],
        results: results.flatMap((result) => sarifResults(result, ruleIndex, helpUri)),
      },
    ],
  };
}

/** The SARIF 2.1.0 log as pretty-printed JSON with a final newline. */
export function formatSarif(
  results: readonly CheckResult[],
  failures: readonly FileFailure[],
  options: SarifOptions,
): string {
  return `${JSON.stringify(toSarif(results, failures, options), null, 2)}\n`;
}
