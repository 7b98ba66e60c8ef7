import { resolve } from 'node:path';
import type { Engine } from '../engine.js';
import { reaches, type Severity } from '../diagnostic.js';
import { errorMessage } from '../errors.js';
import type { FileFailure } from '../output/file-failure.js';
import { formatGithub } from '../output/github.js';
import { jsonWriter } from '../output/json.js';
import { formatSarif } from '../output/sarif.js';
import { oneLine } from '../output/printable.js';
import { formatText, formatTextFailure, formatTextTotal } from '../output/text.js';
import { formatTextQuestions } from '../output/text-questions.js';
import { EDITIONS, type Edition } from '../editions.js';
import type { CheckResult } from '../result.js';
import { ruleList, rulesJson } from '../rules/docs.js';
import { RULES } from '../rules/index.js';
import { runHtml } from './html-command.js';
import { displayPath } from './files.js';
import { loadSchema } from './schema-file.js';
import { nothingStaged } from './pre-commit.js';

export { displayPath };
import type { GitRunner } from './git-files.js';
import { isFailure, reportChecker, type CheckOutcome, type CheckSetup } from './check-one.js';
import { checkInOrder, type CheckThreads } from './parallel.js';
import type { CliFileSystem } from './file-system.js';
import { choice, parseArguments } from './args.js';
import { UsageError } from './usage-error.js';

/** Everything the CLI touches, injected so that it runs without a process. */
export interface CliDeps {
  fs: CliFileSystem;
  /** git, for the image checks in a git work tree; absent: images are looked up on disk only. */
  git?: GitRunner;
  /** The real engine in `src/cli.ts`, a stand-in in tests. */
  engine: Engine;
  /** Helper threads for a run over many reports; absent: every report is checked on this thread. */
  threads?: CheckThreads;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour on by default). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Absolute working directory that relative paths are resolved against. */
  cwd: string;
  version: string;
}

/** Exit statuses, as markdownlint-cli2: 1 for findings at the fail level, 2 for "could not run". */
export const EXIT = { ok: 0, findings: 1, couldNotRun: 2 } as const;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];
const EDITION_CHOICES = ['auto', ...EDITIONS] as const;

const DEFAULT_REPORT = 'reports/README.md';

/** `report-check --help`. */
export const USAGE = `Usage: report-check [options] [FILE...]
       report-check html FILE [-o OUT]
       report-check cohort [options] SOURCE...

Check DTU 02476 MLOps exam reports against the course's constraints (default FILE: ${DEFAULT_REPORT}).

Options:
  --format text|json|sarif|github     output format (default: text)
  --edition auto|${EDITIONS.join('|')}  course edition (default: auto, detected from the question prompts)
  --schema FILE                       check against a custom constraints JSON Schema instead of the edition's
  --strict                            unanswered questions are errors (for the final hand-in)
  --fail-on error|warning|never       exit 1 when a finding is at least this severe (default: error)
  --summary                           text: one line per question (words/range, images/range, status), no findings
  --threads N                         check on N threads (default: one per two CPUs, with 32 reports or more)
  --fix                               apply every safe fix in place, say what changed, then check the result
  --fix-dry-run                       print the fixes as a unified diff and change nothing (exit 1: there are some)
  --pre-commit                        as a pre-commit hook: inside \`git commit\`, exit 0 at once when nothing under
                                      the report's folder is staged (a deleted figure counts); elsewhere, check
  --list-rules                        list every rule: id, severity, summary (with --format json: the registry)
  -h, --help                          show this help
  -V, --version                       show the version

Commands:
  html FILE [-o OUT]                  render the report to a standalone HTML page (stdout, or OUT)
  cohort SOURCE...                    one row per group for folders, reports or GitHub repositories (cohort --help)

Exit status: 0 no finding at the --fail-on level; 1 at least one; 2 could not run (bad option, a report
that could not be read, invalid schema). With many files, one that cannot be read is reported on stderr,
the others are still checked, and the exit status is 2.
`;

/** `--list-rules` prints the registry as text or JSON only. */
const LIST_FORMATS = ['text', 'json'] as const;

interface ListRulesOptions {
  listRules: (typeof LIST_FORMATS)[number];
}

interface CheckOptions {
  format: Format;
  edition: Edition | 'auto';
  schema: string | undefined;
  strict: boolean;
  failOn: FailOn;
  /** Text output as the per-question budget instead of the findings. */
  summary: boolean;
  files: string[];
  fix: 'off' | 'apply' | 'dry-run';
  /** `--threads`: how many threads check the reports; undefined: as many as the CPUs and the reports are worth. */
  threadCount: number | undefined;
  /** `--pre-commit`: inside `git commit`, stop with exit 0 when nothing under a report's folder is staged. */
  preCommit: boolean;
}

/** Whether to colour text output: FORCE_COLOR wins, then NO_COLOR, then a dumb terminal, then the TTY. */
export function useColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

function parseCheckOptions(argv: string[]): CheckOptions | ListRulesOptions | 'help' | 'version' {
  const { values, positionals } = parseArguments({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      edition: { type: 'string' },
      schema: { type: 'string' },
      strict: { type: 'boolean' },
      'fail-on': { type: 'string' },
      summary: { type: 'boolean' },
      threads: { type: 'string' },
      'list-rules': { type: 'boolean' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'pre-commit': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (values['list-rules']) return { listRules: choice('format', values.format, LIST_FORMATS, 'text') };
  if (values.schema === '') throw new UsageError('--schema needs a file');
  const format = choice('format', values.format, FORMATS, 'text');
  // `report-check ""` (an unset shell variable, say) would check the folder it runs in, as `.`.
  if (positionals.includes('')) throw new UsageError('an empty FILE argument; name the report to check');
  if (values.fix && values['fix-dry-run'])
    throw new UsageError('--fix and --fix-dry-run: choose one (--fix-dry-run changes nothing)');
  if (values.summary && format !== 'text')
    throw new UsageError(`--summary is text output, not --format ${format}`);
  return {
    format,
    edition: choice('edition', values.edition, EDITION_CHOICES, 'auto'),
    schema: values.schema,
    strict: values.strict ?? false,
    failOn: choice('fail-on', values['fail-on'], FAIL_ON, 'error'),
    summary: values.summary ?? false,
    files: positionals.length > 0 ? positionals : [DEFAULT_REPORT],
    fix: values['fix-dry-run'] ? 'dry-run' : values.fix ? 'apply' : 'off',
    threadCount: values.threads === undefined ? undefined : threadCount(values.threads),
    preCommit: values['pre-commit'] ?? false,
  };
}

function threadCount(text: string): number {
  if (!/^[1-9]\d{0,2}$/.test(text))
    throw new UsageError(`--threads: expected a number from 1 to 999, got "${text}"`);
  return Number(text);
}

/** Whether a result has a finding at the `--fail-on` level. */
function fails(result: CheckResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold: Severity = failOn;
  return result.diagnostics.some((d) => reaches(d.severity, threshold));
}

/** The files to check, each once: a report named twice (`a.md ./a.md`) is checked and printed once. */
function withoutRepeats(files: readonly string[], cwd: string): string[] {
  if (files.length === 1) return [...files];
  const seen = new Set<string>();
  return files.filter((file) => {
    const absolute = resolve(cwd, file);
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    return true;
  });
}

/**
 * Checks `files` and hands each outcome to `emit`, in order. A run over many reports shares them with helper
 * threads, if the CLI has them (not with a custom schema: its validators are compiled here, and cannot be posted).
 */
async function checkFiles(
  files: readonly string[],
  setup: CheckSetup & Pick<CliDeps, 'threads'> & { wanted: number | undefined },
  emit: (outcome: CheckOutcome) => void,
): Promise<void> {
  const checkHere = reportChecker(setup);
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const helpers =
    setup.threads && setup.constraints === null
      ? setup.threads.start(
          { files, claims, cwd: setup.cwd, edition: setup.edition, strict: setup.strict },
          setup.wanted,
        )
      : [];
  await checkInOrder(files.length, claims, helpers, (index) => checkHere(files[index] ?? ''), emit);
}

async function runCheck(argv: string[], deps: CliDeps): Promise<number> {
  const options = parseCheckOptions(argv);
  if (options === 'help') {
    deps.stdout(USAGE);
    return EXIT.ok;
  }
  if (options === 'version') {
    deps.stdout(`${deps.version}\n`);
    return EXIT.ok;
  }
  if ('listRules' in options) {
    deps.stdout(options.listRules === 'json' ? rulesJson(RULES) : ruleList(RULES));
    return EXIT.ok;
  }
  if (options.preCommit && nothingStaged(options.files, deps)) return EXIT.ok;
  const constraints = options.schema === undefined ? null : await loadSchema(options.schema, deps);
  let fixFailed = false;
  if (options.fix !== 'off') {
    // Loaded on demand (with the diff library): a plain check's start-up does not pay for it.
    const { runFixes } = await import('./fix-command.js');
    const fixed = runFixes(options.files, options.fix === 'dry-run', {
      ...deps,
      // Machine-readable output stays parseable: what --fix changed goes to stderr then.
      stdout: options.fix === 'apply' && options.format !== 'text' ? deps.stderr : deps.stdout,
      check: reportChecker({ ...deps, ...options, constraints }),
    });
    if (options.fix === 'dry-run')
      return fixed.failures ? EXIT.couldNotRun : fixed.changed ? EXIT.findings : EXIT.ok;
    fixFailed = fixed.failures > 0;
  }
  const color = useColor(deps.isTTY, deps.env);
  const files = withoutRepeats(options.files, deps.cwd);
  // The results are kept only where the output needs them all at the end: a run over many reports otherwise holds
  // none of them, which spares the young generation's scavenges copying them (JSON streams report by report).
  const keep = options.format === 'sarif' || (options.format === 'text' && files.length > 1);
  const results: CheckResult[] = [];
  const failures: FileFailure[] = [];
  let failed = false;
  const json = options.format === 'json' ? jsonWriter(deps.stdout) : undefined;
  await checkFiles(files, { ...deps, ...options, constraints, wanted: options.threadCount }, (outcome) => {
    if (isFailure(outcome)) {
      failures.push(outcome);
      deps.stderr(formatTextFailure(outcome));
      if (options.format === 'github') deps.stdout(formatGithub([], [outcome]));
      return;
    }
    if (keep) results.push(outcome);
    failed ||= fails(outcome, options.failOn);
    // Text, workflow commands and JSON stream file by file, so a teacher checking a cohort sees progress.
    if (options.format === 'text')
      deps.stdout((options.summary ? formatTextQuestions : formatText)(outcome, { color }));
    if (options.format === 'github') deps.stdout(formatGithub([outcome]));
    json?.file(outcome);
  });
  if (options.format === 'text' && files.length > 1)
    deps.stdout(formatTextTotal(results, failures, { color }));
  json?.end(failures);
  if (options.format === 'sarif') deps.stdout(formatSarif(results, failures, { version: deps.version }));
  return fixFailed || failures.length > 0 ? EXIT.couldNotRun : failed ? EXIT.findings : EXIT.ok;
}

/**
 * Runs `report-check` with the arguments after the program name and returns the exit status. Never throws: every
 * problem becomes one `report-check: ...` line on stderr and exit status 2.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  try {
    if (argv[0] === 'html') return await runHtml(argv.slice(1), deps);
    // Loaded on demand (its own bundle, with the GitHub client): a plain check's start-up does not pay for it.
    if (argv[0] === 'cohort')
      return await (await import('../cohort/main.js')).runCohortCommand(argv.slice(1), deps);
    return await runCheck([...argv], deps);
  } catch (error) {
    const message =
      error instanceof UsageError
        ? oneLine(error.message)
        : `internal error: ${errorMessage(error).split('\n')[0]}`;
    deps.stderr(`report-check: ${message}\n`);
    return EXIT.couldNotRun;
  }
}
