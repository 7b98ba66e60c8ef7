import * as nodePath from 'node:path';
import type { CheckInput } from '../check.js';
import type { CliDeps } from '../cli/run.js';
import { describeFsError, readReportBytes, repositoryFiles, repositoryRoot } from '../cli/files.js';
import { choice, parseArguments } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { errorMessage, isRunError } from '../errors.js';
import type { FileFailure } from '../format/file-failure.js';
import { toJsonReport } from '../format/json.js';
import { oneLine } from '../format/printable.js';
import type { RepositoryReader, RepositoryReaderOptions } from '../github/repository-reader.js';
import { EDITIONS, type CheckResult, type Edition } from '../result.js';
import type { CohortRow } from './columns.js';
import { compareRuns, readPreviousRun, CompareError, type PreviousRun } from './compare.js';
import { formatCohortCsv } from './format-csv.js';
import { formatCohortHtml } from './format-html.js';
import { formatCohortText } from './format-text.js';
import { failedGroup, NEWEST_EDITION, toGroup, type CohortGroup, type GroupOrigin } from './group.js';
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

/** `report-check cohort --help`. */
export const COHORT_USAGE = `Usage: report-check cohort [options] SOURCE...

One row per group for a whole cohort. A SOURCE is a group's folder (holding reports/README.md), a folder of
such folders, a report file (.md), a GitHub repository (owner/name or its URL), a file listing repositories
one a line, or a CSV group list with a column of repository URLs. Repositories are read through the GitHub
API (no clone) with GITHUB_TOKEN or GH_TOKEN, or without a token for public repositories.

Options:
  --format text|csv|json|html   output format (default: text, fitted to the terminal)
  -o, --output FILE             write the output to FILE instead of stdout
  --path PATH                   the report's path in each folder or repository (default: reports/README.md)
  --ref REF                     branch, tag or commit to read in each repository (default: its default branch)
  --compare FILE                a previous run's --format json: show what changed per group
  --edition auto|${EDITIONS.join('|')}   edition of every report (default: auto, detected per report)
  --strict                      unanswered questions are errors
  --concurrency N               repositories read at once (default: 8)
  -h, --help                    show this help

Exit status: 0 every source was read; 2 a source could not be read (it has its row with the reason) or the
run could not start.
`;

/** As the plain check's: 0 every source read, 2 could not run (here: a source could not be read). */
const EXIT = { ok: 0, couldNotRun: 2 } as const;
const FORMATS = ['text', 'csv', 'json', 'html'] as const;
const EDITION_CHOICES = ['auto', ...EDITIONS] as const;
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 64;
const DEFAULT_PATH = 'reports/README.md';
const DEFAULT_API = 'https://api.github.com';

interface CohortOptions {
  format: (typeof FORMATS)[number];
  output: string | undefined;
  path: string;
  ref: string | null;
  compare: string | undefined;
  edition: Edition | 'auto';
  strict: boolean;
  concurrency: number;
  sources: string[];
}

function parseCohortOptions(argv: readonly string[]): CohortOptions | 'help' {
  const { values, positionals } = parseArguments({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      path: { type: 'string' },
      ref: { type: 'string' },
      compare: { type: 'string' },
      edition: { type: 'string' },
      strict: { type: 'boolean' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('cohort needs at least one SOURCE (see cohort --help)');
  const path = (values.path ?? DEFAULT_PATH).replace(/^\.?\/+/, '');
  if (path === '' || path.split('/').includes('..'))
    throw new UsageError(`--path must be a path inside the repository; got "${values.path}"`);
  if (values.ref === '') throw new UsageError('--ref needs a branch, tag or commit');
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}; got "${values.concurrency}"`,
    );
  }
  return {
    format: choice('format', values.format, FORMATS, 'text'),
    output: values.output === '-' ? undefined : values.output,
    path,
    ref: values.ref ?? null,
    compare: values.compare,
    edition: choice('edition', values.edition, EDITION_CHOICES, 'auto'),
    strict: values.strict ?? false,
    concurrency,
    sources: positionals,
  };
}

/** Runs `fn` on every item with at most `limit` running at once; results keep the items' order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Outcome {
  group: CohortGroup;
  /** The own-edition result, for the `files` part of the JSON document. */
  result: CheckResult | null;
}

/** Checks one report's bytes twice: as its own edition (the truth) and as the newest checker reads it. */
function checkGroup(
  origin: GroupOrigin,
  input: Omit<CheckInput, 'edition' | 'strict'>,
  options: CohortOptions,
  deps: CliDeps,
): Outcome {
  try {
    const own = deps.engine.checkReport({ ...input, edition: options.edition, strict: options.strict });
    const newest = deps.engine.checkReport({ ...input, edition: NEWEST_EDITION });
    const result = {
      ...own,
      path: origin.source,
      diagnostics: own.diagnostics.map((diagnostic) => ({ ...diagnostic, path: origin.source })),
    };
    return { group: toGroup(origin, own, newest), result };
  } catch (error) {
    const message = isRunError(error)
      ? oneLine(error.message).replace(`${input.path}: `, '')
      : `internal error: ${errorMessage(error).split('\n')[0]}`;
    return { group: failedGroup(origin.source, origin.kind, message), result: null };
  }
}

function readLocal(source: CohortSource & { kind: 'file' }, options: CohortOptions, deps: CliDeps): Outcome {
  let content: Uint8Array;
  try {
    content = readReportBytes(deps.fs, source.reportPath);
  } catch (error) {
    return { group: failedGroup(source.source, 'file', describeFsError(error)), result: null };
  }
  const root = repositoryRoot(deps.fs, source.reportPath);
  const path = nodePath.relative(root, source.reportPath).split(nodePath.sep).join('/');
  const origin: GroupOrigin = { source: source.source, kind: 'file', link: source.reportPath, ref: null };
  return checkGroup(origin, { path, content, files: repositoryFiles(deps.fs, root) }, options, deps);
}

async function readRemote(
  source: CohortSource & { kind: 'github' },
  reader: RepositoryReader,
  options: CohortOptions,
  deps: CliDeps,
): Promise<Outcome> {
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
  };
  return checkGroup(
    origin,
    { path: options.path, content: report.content, files: report.files },
    options,
    deps,
  );
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
  const previous = options.compare === undefined ? null : readCompare(options.compare, deps);
  const sources = resolveSources(options.sources, deps.fs, { reportPath: options.path, cwd: deps.cwd });
  const remote = sources.filter((source) => source.kind === 'github').length;
  let reader: RepositoryReader | null = null;
  if (remote > 0) {
    const token = deps.env.GITHUB_TOKEN || deps.env.GH_TOKEN || null;
    if (!token) {
      // Said before the run, not after 60 requests have gone and the rest fail.
      deps.stderr(
        `report-check: no GITHUB_TOKEN or GH_TOKEN: reading ${remote} public repositories without a token, at GitHub's ` +
          `unauthenticated rate limit (60 requests an hour; each repository takes 2 or 3); private ones will not be found\n`,
      );
    }
    reader = env.createReader({
      token,
      baseUrl: (deps.env.GITHUB_API_URL || DEFAULT_API).replace(/\/+$/, ''),
      onWarning: (message) => deps.stderr(`report-check: ${message}\n`),
    });
  }
  const progress = env.progress(sources.length);
  const outcomes = await mapConcurrently(sources, options.concurrency, async (source): Promise<Outcome> => {
    let outcome: Outcome;
    if (source.kind === 'invalid')
      outcome = { group: failedGroup(source.source, 'invalid', source.error), result: null };
    else if (source.kind === 'file') outcome = readLocal(source, options, deps);
    else outcome = await readRemote(source, reader as RepositoryReader, options, deps);
    progress.tick();
    return outcome;
  });
  progress.stop();
  const groups = outcomes.map((outcome) => outcome.group);
  const compared = previous ? compareRuns(groups, previous) : null;
  const rows: CohortRow[] = groups.map((group, i) =>
    compared ? { ...group, change: compared.changes[i] } : group,
  );
  const summary = summarize(groups, compared?.changes ?? null);
  const gone = compared?.gone ?? [];
  let text: string;
  if (options.format === 'json') {
    const failures: FileFailure[] = groups
      .filter((group) => group.error !== null)
      .map((group) => ({ path: group.source, message: group.error as string }));
    const results = outcomes.flatMap((outcome) => (outcome.result ? [outcome.result] : []));
    const document: CohortDocument = {
      ...toJsonReport(results, failures),
      groups: rows,
      cohort: { ...summary, ...(compared ? { gone } : {}) },
    };
    text = `${JSON.stringify(document, null, 2)}\n`;
  } else if (options.format === 'csv') {
    text = formatCohortCsv(rows);
  } else if (options.format === 'html') {
    text = formatCohortHtml(rows, summary, {
      title: `report-check cohort: ${groups.length} groups`,
      href: (row) => hrefFor(row, options, deps),
    });
  } else {
    text = formatCohortText(rows, summary, { width: options.output ? Infinity : (env.columns ?? Infinity) });
    if (gone.length > 0) text += `not in this run, but in the previous one: ${gone.join(', ')}\n`;
  }
  if (options.output === undefined) deps.stdout(text);
  else {
    try {
      deps.fs.writeFile(nodePath.resolve(deps.cwd, options.output), text);
    } catch (error) {
      throw new UsageError(`${options.output}: could not write (${describeFsError(error)})`, {
        cause: error,
      });
    }
  }
  return groups.some((group) => group.error !== null) ? EXIT.couldNotRun : EXIT.ok;
}
