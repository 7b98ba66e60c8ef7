// `report-check cohort`'s options: its usage text and the parsing and checking of its arguments.
import { choice, parseArguments } from '../cli/args.js';
import { UsageError } from '../cli/usage-error.js';
import { EDITIONS, type Edition } from '../editions.js';

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
  --ref REF                     branch, tag or commit to read in each GitHub repository (default: its
                                default branch; clones on disk are read as checked out)
  --compare FILE                a previous run's --format json: show what changed per group
  --schema FILE                 check every report against a custom constraints JSON Schema instead of its
                                edition's (the course checker and the scraper columns stay the course's)
  --edition auto|${EDITIONS.join('|')}   edition of every report (default: auto, detected per report)
  --strict                      unanswered questions are errors
  --concurrency N               repositories read at once (default: 8)
  -h, --help                    show this help

Exit status: 0 every source was read; 2 a source could not be read (it has its row with the reason) or the
run could not start.
`;

export const FORMATS = ['text', 'csv', 'json', 'html'] as const;
const EDITION_CHOICES = ['auto', ...EDITIONS] as const;
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 64;
const DEFAULT_PATH = 'reports/README.md';

export interface CohortOptions {
  format: (typeof FORMATS)[number];
  output: string | undefined;
  path: string;
  ref: string | null;
  compare: string | undefined;
  /** A custom constraints schema file, for every group. */
  schema: string | undefined;
  edition: Edition | 'auto';
  strict: boolean;
  concurrency: number;
  sources: string[];
}

export function parseCohortOptions(argv: readonly string[]): CohortOptions | 'help' {
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
      schema: { type: 'string' },
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
  if (values.schema === '') throw new UsageError('--schema needs a file');
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
    schema: values.schema,
    edition: choice('edition', values.edition, EDITION_CHOICES, 'auto'),
    strict: values.strict ?? false,
    concurrency,
    sources: positionals,
  };
}
