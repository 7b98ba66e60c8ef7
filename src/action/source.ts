import type { CheckInput } from '../check.js';
import { fingerprint, type Diagnostic } from '../diagnostic.js';
import type { Engine } from '../engine.js';
import { errorMessage, RunError } from '../errors.js';
import type { GitHubPort, PullFile } from '../github/port.js';
import type { Settings } from '../inputs.js';
import { EDITIONS, type CheckResult } from '../result.js';
import type { ActionLog } from './log.js';

/** GitHub lists at most this many files of a pull request (docs: "List pull requests files"). */
export const MAX_LISTED_PULL_FILES = 3000;

/** Where the report stands among the files a pull request changes. */
export type PullEntry =
  | { kind: 'untouched' }
  /** Not listed, but the list is cut at GitHub's limit: the report may be changed all the same. */
  | { kind: 'unlisted'; listed: number }
  | { kind: 'deleted' }
  | { kind: 'moved'; to: string }
  | { kind: 'changed'; file: PullFile };

/** The report as the action found it: a check input, or one problem that stands in for its findings. */
export type ReportSource =
  { kind: 'report'; input: CheckInput } | { kind: 'problem'; ruleId: string; message: string };

/** What {@link readReport} reads through. */
export interface SourceDeps {
  github: GitHubPort;
  log: ActionLog;
  settings: Settings;
  engine: Engine;
}

/** Finds the report among a pull request's files (also as the old path of a rename). */
export function locateReport(files: readonly PullFile[], path: string): PullEntry {
  const entry = files.find((f) => f.path === path) ?? files.find((f) => f.previousPath === path);
  if (!entry)
    return files.length < MAX_LISTED_PULL_FILES
      ? { kind: 'untouched' }
      : { kind: 'unlisted', listed: files.length };
  if (entry.status === 'removed') return { kind: 'deleted' };
  if (entry.path !== path) return { kind: 'moved', to: entry.path };
  return { kind: 'changed', file: entry };
}

/** The problem a deleted or moved report is, in the student's terms. */
export function entryProblem(entry: PullEntry & { kind: 'deleted' | 'moved' }, path: string): ReportSource {
  if (entry.kind === 'deleted') {
    return {
      kind: 'problem',
      ruleId: 'report-deleted',
      message: `This pull request deletes ${path}; the course checker reads the report from there, so restore it.`,
    };
  }
  return {
    kind: 'problem',
    ruleId: 'report-renamed',
    message: `This pull request moves ${path} to ${entry.to}; the course checker reads ${path}, so move it back.`,
  };
}

const decoder = new TextDecoder();

/** Reads the report at `ref`, the repository's file list, and the custom schema from `schemaRef`, side by side. */
export async function readReport(deps: SourceDeps, ref: string, schemaRef: string): Promise<ReportSource> {
  const { github, settings, log } = deps;
  const [file, files, schemaFile] = await Promise.all([
    github.getFile(settings.path, ref),
    github.listRepoFiles(ref).catch((error: unknown) => {
      log.warning(
        `report-check could not list the repository's files (${errorMessage(error)}); image checks skipped.`,
      );
      return null;
    }),
    // Never from the commit under check: a pull request must not be able to loosen its own check.
    settings.schema ? github.getFile(settings.schema, schemaRef) : Promise.resolve(null),
  ]);
  let constraints: CheckInput['constraints'] = null;
  if (settings.schema) {
    if (!schemaFile) throw new RunError(`schema: ${settings.schema} does not exist on ${schemaRef}`);
    if (!schemaFile.content) throw new RunError(`schema: ${settings.schema} on ${schemaRef} is too large`);
    const source = `${settings.schema} (${schemaRef})`;
    constraints = await deps.engine.loadConstraints(decoder.decode(schemaFile.content), source);
  }
  if (!file) {
    const message = `${settings.path} does not exist at ${ref.slice(0, 12)}; the course checker reads the report from there.`;
    return { kind: 'problem', ruleId: 'report-missing', message };
  }
  if (!file.content) {
    const message = `${settings.path} is ${file.size} bytes; a report over 1 MiB is not a report, so shrink it (images belong in files).`;
    return { kind: 'problem', ruleId: 'report-too-large', message };
  }
  const { path, edition, strict } = settings;
  return { kind: 'report', input: { path, content: file.content, files, edition, constraints, strict } };
}

/** Checks the report, or turns its problem into a result holding one file-level error. */
export function checkSource(engine: Engine, settings: Settings, source: ReportSource): CheckResult {
  if (source.kind === 'report') return engine.checkReport(source.input);
  const { ruleId, message } = source;
  const diagnostic: Diagnostic = {
    ruleId,
    severity: 'error',
    message,
    path: settings.path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    question: null,
    fingerprint: fingerprint(ruleId, null),
  };
  return {
    path: settings.path,
    edition: settings.schema
      ? 'custom'
      : settings.edition === 'auto'
        ? EDITIONS[EDITIONS.length - 1]!
        : settings.edition,
    editionSource: settings.edition === 'auto' ? 'detected' : 'given',
    diagnostics: [diagnostic],
    questions: [],
    courseChecker: { outcome: 'crash', failures: [], reason: message },
  };
}
