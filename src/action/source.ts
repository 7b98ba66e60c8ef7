import type { Constraints, Engine } from '../engine.js';
import { RunError } from '../errors.js';
import type { GitHubPort, PullFile } from '../github/port.js';
import type { Settings } from '../inputs.js';
import type { CheckResult } from '../result.js';
import {
  loadSource,
  unreadableResult,
  type ReportSource,
  type SourceProblem,
} from '../source/load-source.js';
import type { ActionLog } from './log.js';
import { unknownFiles } from '../validate/images.js';
import { listFilesForChecks, skippedFor, type SkippedChecks } from './skipped-checks.js';

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

/** The report as the action found it (its bytes, or one named problem), and what checking it needs besides. */
export interface FoundReport {
  source: ReportSource;
  /** Every file path at the commit, for the image checks; null when they could not be listed. */
  files: string[] | null;
  /** The checks the missing file list stops (listing failed, malformed or truncated), or null. */
  skipped: SkippedChecks | null;
  constraints: Constraints | null;
}

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

/** A deleted or moved report: found without reading anything. */
export function entryProblem(entry: PullEntry & { kind: 'deleted' | 'moved' }, path: string): FoundReport {
  const problem: SourceProblem =
    entry.kind === 'deleted' ? { kind: 'deleted' } : { kind: 'renamed', to: entry.to };
  return { source: { path, problem }, files: null, skipped: null, constraints: null };
}

const decoder = new TextDecoder();

/** Reads the report at `ref`, the repository's file list, and the custom schema from `schemaRef`, side by side. */
export async function readReport(deps: SourceDeps, ref: string, schemaRef: string): Promise<FoundReport> {
  const { github, settings } = deps;
  const [file, listing, schemaFile] = await Promise.all([
    github.getFile(settings.path, ref),
    listFilesForChecks(github, ref),
    // Never from the commit under check: a pull request must not be able to loosen its own check.
    settings.schema ? github.getFile(settings.schema, schemaRef) : Promise.resolve(null),
  ]);
  let constraints: Constraints | null = null;
  if (settings.schema) {
    if (!schemaFile) throw new RunError(`schema: ${settings.schema} does not exist on ${schemaRef}`);
    if (!schemaFile.content) throw new RunError(`schema: ${settings.schema} on ${schemaRef} is too large`);
    const source = `${settings.schema} (${schemaRef})`;
    constraints = await deps.engine.loadConstraints(decoder.decode(schemaFile.content), source);
  }
  const path = settings.path;
  // The contents API leaves the bytes of a file over the limit out; the size is all the problem needs.
  const source: ReportSource = !file
    ? { path, problem: { kind: 'missing', ref } }
    : file.content
      ? { path, bytes: file.content }
      : { path, problem: { kind: 'too-large', size: file.size } };
  return { source, files: listing.files, skipped: listing.skipped, constraints };
}

/** A checked report, and the checks its missing file list stopped (null: none, or nothing needed the list). */
export interface CheckedSource {
  result: CheckResult;
  skipped: SkippedChecks | null;
}

/**
 * Checks the report, or gives the result of the one problem that stopped it being read (as the CLI does). Without
 * the file list, the image checks are skipped only when an image of the report needed it (a path in the
 * repository): a report without one loses nothing, and its result is the findings' result.
 */
export function checkSource(engine: Engine, settings: Settings, report: FoundReport): CheckedSource {
  const loaded = loadSource(report.source);
  const { edition, strict } = settings;
  if (!loaded.ok) return { result: unreadableResult(loaded, { edition }), skipped: null };
  const { constraints } = report;
  const unlisted = report.files ? null : unknownFiles();
  const result = engine.checkReport({
    path: loaded.path,
    content: loaded.content,
    files: report.files ?? unlisted,
    edition,
    constraints,
    strict,
  });
  const needed = unlisted === null || unlisted.needed.size > 0;
  return { result, skipped: needed ? skippedFor(report.skipped, result) : null };
}
