import { plural } from '../plural.js';
import * as nodePath from 'node:path';
import type { CheckInput } from '../check.js';
import type { CliDeps } from '../cli/run.js';
import { loadSchema } from '../cli/schema-file.js';
import {
  describeFsError,
  displayPath,
  readReportBytes,
  repositoryFiles,
  repositoryRoot,
} from '../cli/files.js';
import { UsageError } from '../cli/usage-error.js';
import type { Constraints } from '../engine.js';
import { errorMessage, isRunError } from '../errors.js';
import type { FileFailure } from '../output/file-failure.js';
import { toJsonReport } from '../output/json.js';
import { oneLine } from '../output/printable.js';
import type { RepositoryReader, RepositoryReaderOptions } from '../github/repository-reader.js';
import type { CheckResult } from '../result.js';
import type { CohortRow } from './columns.js';
import { mapConcurrently } from './concurrency.js';
import { checkOutputPath, writeOutput } from './output.js';
import { compareRuns, readPreviousRun, CompareError, type PreviousRun } from './compare.js';
import { formatCohortCsv } from './format-csv.js';
import { formatCohortHtml } from './format-html.js';
import { formatCohortText } from './format-text.js';
import { failedGroup, NEWEST_EDITION, toGroup, type CohortGroup, type GroupOrigin } from './group.js';
import { COHORT_USAGE, parseCohortOptions, type CohortOptions } from './options.js';
import type { Progress } from './progress.js';
import { resolveSources, type CohortSource } from './sources.js';
import { summarize, type CohortDocument } from './summary.js';

/** What a cohort run needs beyond the CLI's dependencies: GitHub, a progress display, the terminal's width. */
export interface CohortEnvironment {
  createReader(options: RepositoryReaderOptions): RepositoryReader;
  /** A bar on a terminal, lines otherwise. */
  progress(total: number): Progress;
  /** Width of the terminal stdout is, or undefined when it is not one (the table is then not cut). */
  columns: number | undefined;
}

/** As the plain check's: 0 every source read, 2 could not run (here: a source could not be read). */
const EXIT = { ok: 0, couldNotRun: 2 } as const;
const DEFAULT_API = 'https://api.github.com';

interface Outcome {
  group: CohortGroup;
  /** The own-edition result, for the `files` part of the JSON document. */
  result: CheckResult | null;
}

/** What every group's check shares: the options, the CLI's dependencies and a custom schema, if one was given. */
interface CohortRun {
  options: CohortOptions;
  deps: CliDeps;
  /** `--schema`: replaces each edition's constraints for the findings and the question cells. */
  constraints: Constraints | null;
}

/**
 * Checks one report's bytes twice: as its own edition (the truth) and as the newest checker reads it; with
 * `--schema` a third time against the custom constraints, for the findings and the question cells (the course
 * checker's and the scraper's columns stay what the course's own checkers print).
 */
function checkGroup(
  origin: GroupOrigin,
  input: Omit<CheckInput, 'edition' | 'strict'>,
  { options, deps, constraints }: CohortRun,
): Outcome {
  try {
    const asked = { ...input, edition: options.edition, strict: options.strict };
    const own = deps.engine.checkReport(asked);
    const newest = deps.engine.checkReport({ ...input, edition: NEWEST_EDITION });
    const checked = constraints ? deps.engine.checkReport({ ...asked, constraints }) : own;
    const result = {
      ...checked,
      path: origin.source,
      diagnostics: checked.diagnostics.map((diagnostic) => ({ ...diagnostic, path: origin.source })),
    };
    return { group: toGroup(origin, own, newest, checked), result };
  } catch (error) {
    const message = isRunError(error)
      ? oneLine(error.message).replace(`${input.path}: `, '')
      : `internal error: ${errorMessage(error).split('\n')[0]}`;
    return { group: failedGroup(origin.source, origin.kind, message), result: null };
  }
}

function readLocal(source: CohortSource & { kind: 'file' }, run: CohortRun): Outcome {
  const { deps } = run;
  let content: Uint8Array;
  try {
    content = readReportBytes(deps.fs, source.reportPath);
  } catch (error) {
    return { group: failedGroup(source.source, 'file', describeFsError(error)), result: null };
  }
  const root = repositoryRoot(deps.fs, source.reportPath);
  const path = nodePath.relative(root, source.reportPath).split(nodePath.sep).join('/');
  const origin: GroupOrigin = {
    source: source.source,
    kind: 'file',
    link: source.reportPath,
    ref: null,
    unchecked: null,
  };
  return checkGroup(origin, { path, content, files: repositoryFiles(deps.fs, root) }, run);
}

async function readRemote(
  source: CohortSource & { kind: 'github' },
  reader: RepositoryReader,
  run: CohortRun,
): Promise<Outcome> {
  const { options } = run;
  let report;
  try {
    report = await reader.readReport(source.owner, source.repo, options.path, options.ref);
  } catch (error) {
    const message =
      error instanceof Error && error.name === 'RepositoryReadError'
        ? error.message
        : `internal error: ${errorMessage(error).split('\n')[0]}`;
    return { group: failedGroup(source.source, 'github', oneLine(message)), result: null };
  }
  const origin: GroupOrigin = {
    source: source.source,
    kind: 'github',
    link: report.htmlUrl,
    ref: report.ref,
    unchecked: report.unchecked,
  };
  return checkGroup(origin, { path: options.path, content: report.content, files: report.files }, run);
}

function hrefFor(row: CohortRow, options: CohortOptions, deps: CliDeps): string | null {
  if (!row.link) return null;
  if (row.kind === 'github') return /^https:\/\//.test(row.link) ? row.link : null;
  // A local report is linked relative to where the page is written (the working directory for stdout).
  const from = options.output ? nodePath.dirname(nodePath.resolve(deps.cwd, options.output)) : deps.cwd;
  return nodePath.relative(from, row.link).split(nodePath.sep).map(encodeURIComponent).join('/');
}

function readCompare(file: string, deps: CliDeps): PreviousRun {
  let bytes: Uint8Array;
  try {
    bytes = readReportBytes(deps.fs, nodePath.resolve(deps.cwd, file));
  } catch (error) {
    throw new UsageError(`--compare ${file}: ${describeFsError(error)}`, { cause: error });
  }
  try {
    return readPreviousRun(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    if (error instanceof CompareError)
      throw new UsageError(`--compare ${file}: ${oneLine(error.message)}`, { cause: error });
    throw error;
  }
}

/** The GitHub reader, when a source is a repository; says up front when there is no token. */
function createReader(
  sources: readonly CohortSource[],
  deps: CliDeps,
  env: CohortEnvironment,
): RepositoryReader | null {
  const remote = sources.filter((source) => source.kind === 'github').length;
  if (remote === 0) return null;
  const token = deps.env.GITHUB_TOKEN || deps.env.GH_TOKEN || null;
  if (!token) {
    // Said before the run, not after 60 requests have gone and the rest fail.
    deps.stderr(
      `report-check: no GITHUB_TOKEN or GH_TOKEN: reading ${remote} public repositories without a token, at GitHub's ` +
        `unauthenticated rate limit (60 requests an hour; each repository takes 2 or 3); private ones will not be found\n`,
    );
  }
  return env.createReader({
    token,
    baseUrl: (deps.env.GITHUB_API_URL || DEFAULT_API).replace(/\/+$/, ''),
    onWarning: (message) => deps.stderr(`report-check: ${message}\n`),
  });
}

/** Reads and checks every source, at most `--concurrency` at once, ticking the progress display. */
async function readAll(
  sources: readonly CohortSource[],
  run: CohortRun,
  env: CohortEnvironment,
): Promise<Outcome[]> {
  const reader = createReader(sources, run.deps, env);
  const progress = env.progress(sources.length);
  const outcomes = await mapConcurrently(
    sources,
    run.options.concurrency,
    async (source): Promise<Outcome> => {
      let outcome: Outcome;
      if (source.kind === 'invalid')
        outcome = { group: failedGroup(source.source, 'invalid', source.error), result: null };
      else if (source.kind === 'file') outcome = readLocal(source, run);
      else outcome = await readRemote(source, reader as RepositoryReader, run);
      progress.tick();
      return outcome;
    },
  );
  progress.stop();
  return outcomes;
}

/** The output in the format asked for: the table, CSV, the JSON document or the HTML page. */
function render(
  outcomes: readonly Outcome[],
  previous: PreviousRun | null,
  run: CohortRun,
  columns: number | undefined,
): string {
  const { options, deps } = run;
  const groups = outcomes.map((outcome) => outcome.group);
  const compared = previous ? compareRuns(groups, previous) : null;
  const rows: CohortRow[] = groups.map((group, i) =>
    compared ? { ...group, change: compared.changes[i] } : group,
  );
  const summary = summarize(groups, compared?.changes ?? null);
  const gone = compared?.gone ?? [];
  if (options.format === 'json') {
    const failures: FileFailure[] = groups
      .filter((group) => group.error !== null)
      .map((group) => ({ path: group.source, message: group.error as string }));
    const results = outcomes.flatMap((outcome) => (outcome.result ? [outcome.result] : []));
    const document: CohortDocument = {
      ...toJsonReport(results, failures),
      groups: rows,
      cohort: {
        ...summary,
        ...(compared ? { gone } : {}),
        ...(options.schema === undefined ? {} : { schema: displayPath(options.schema) }),
      },
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  }
  if (options.format === 'csv') return formatCohortCsv(rows);
  if (options.format === 'html') {
    return formatCohortHtml(rows, summary, {
      title: `report-check cohort: ${plural(groups.length, 'group')}`,
      href: (row) => hrefFor(row, options, deps),
    });
  }
  const text = formatCohortText(rows, summary, { width: options.output ? Infinity : (columns ?? Infinity) });
  return gone.length > 0 ? `${text}not in this run, but in the previous one: ${gone.join(', ')}\n` : text;
}

/**
 * Runs `report-check cohort ...` (the arguments after `cohort`): reads every source, checks each report, and prints
 * one row per group. Returns the exit status; a source that cannot be read gets its row and makes the status 2.
 */
export async function runCohort(
  argv: readonly string[],
  deps: CliDeps,
  env: CohortEnvironment,
): Promise<number> {
  const options = parseCohortOptions(argv);
  if (options === 'help') {
    deps.stdout(COHORT_USAGE);
    return EXIT.ok;
  }
  // Both are read before any repository is: a bad file stops the run before it spends the rate limit.
  checkOutputPath(options.output, deps);
  const previous = options.compare === undefined ? null : readCompare(options.compare, deps);
  const constraints = options.schema === undefined ? null : await loadSchema(options.schema, deps);
  const run: CohortRun = { options, deps, constraints };
  const sources = resolveSources(options.sources, deps.fs, { reportPath: options.path, cwd: deps.cwd });
  const local = sources.find((source) => source.kind === 'file');
  // Read from disk, a clone is as it is checked out: its rows would claim a ref they were never read at.
  if (options.ref !== null && local)
    throw new UsageError(
      `--ref reads GitHub repositories at ${options.ref}, but ${local.source} is read from disk as it is checked out; check out ${options.ref} in the clones, or leave --ref out`,
    );
  const outcomes = await readAll(sources, run, env);
  writeOutput(render(outcomes, previous, run, env.columns), options.output, deps);
  // A group whose image checks could not run was not fully checked: as for an unreadable one, the run says so.
  return outcomes.some(({ group }) => group.error !== null || group.unchecked !== null)
    ? EXIT.couldNotRun
    : EXIT.ok;
}
