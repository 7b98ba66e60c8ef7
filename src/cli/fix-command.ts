import { basename, dirname, join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Diagnostic, Fix } from '../diagnostic.js';
import { fixesKeepingVerdict } from '../fixes/keep-verdict.js';
import { plural } from '../plural.js';
import type { FileFailure } from '../output/file-failure.js';
import { formatTextFailure } from '../output/text.js';
import type { CheckResult } from '../result.js';
import { describeFsError, readReportBytes } from './files.js';
import type { CliFileSystem } from './file-system.js';

/** What `--fix` / `--fix-dry-run` need from the CLI: the file system, output streams and its own check. */
export interface FixDeps {
  fs: CliFileSystem;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The CLI's check of one report, as the user named it (of `content` instead of the file's, when given). */
  check: (file: string, content?: Uint8Array) => CheckResult | FileFailure;
}

/** What the fixes did over every file: how many files changed (or would), and how many could not be fixed. */
export interface FixOutcome {
  changed: number;
  failures: number;
}

type Keyed = Fix & { finding: Diagnostic };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The report's text with `\n` line ends and how to put its own back, or why it is left alone: invalid UTF-8
 * would lose bytes, and mixed line ends could not all be kept.
 */
function readText(bytes: Uint8Array): { text: string; crlf: boolean } | string {
  let raw: string;
  try {
    raw = strictUtf8.decode(bytes);
  } catch {
    return 'not valid UTF-8';
  }
  const crlf = raw.includes('\r\n');
  const lf = raw.replace(/\r\n/g, '').includes('\n');
  if (raw.replace(/\r\n/g, '').includes('\r') || (crlf && lf)) return 'mixed line ends';
  return { text: crlf ? raw.replace(/\r\n/g, '\n') : raw, crlf };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Writes `text` next to `path` and renames it over `path`, so that a reader never sees half a file. */
function writeAtomically(fs: CliFileSystem, path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.report-check-${process.pid}.tmp`);
  fs.writeFile(temp, text);
  fs.rename(temp, path);
}

/** "Question 4: Remove the template's `---` markers (Question 4 then has 99 words: 1 short of its 100–200)". */
function describe(fix: Keyed): string {
  const d = fix.finding;
  const after = fix.after ? ` (${fix.after})` : '';
  return `  line ${fix.edits[0]?.line ?? d.line}: ${fix.description} [${d.ruleId}]${after}\n`;
}

/**
 * "line 12: Remove the template's `---` markers [template-marker] held back: the course checker would then fail
 * Question 4 (words); Question 4 then has 98 words: 2 short of its 100–200".
 */
function describeHeld(fix: Keyed, because: string): string {
  const what = because === 'crash' ? 'crash' : `fail ${because}`;
  const after = fix.after ? `; ${fix.after}` : '';
  return `  line ${fix.edits[0]?.line ?? fix.finding.line}: ${fix.description} [${fix.finding.ruleId}] held back: the course checker would then ${what}${after}\n`;
}

const encoder = new TextEncoder();

/** "1 fix", "2 fixes". */
const fixCount = (count: number): string => `${count} fix${count === 1 ? '' : 'es'}`;

/** Fixes one report in place (or prints its diff); returns whether it changed (or would), or a failure. */
function fixOne(file: string, dryRun: boolean, deps: FixDeps): boolean | FileFailure {
  const absolute = resolve(deps.cwd, file);
  let before: Uint8Array;
  try {
    before = readReportBytes(deps.fs, absolute);
  } catch (error) {
    return { path: file, message: describeFsError(error) };
  }
  const result = deps.check(file);
  if (!('diagnostics' in result)) return result;
  const shown = result.path;
  const read = readText(before);
  if (typeof read === 'string') return { path: shown, message: `not fixed: ${read}` };
  if (result.diagnostics.some((d) => d.ruleId === 'markdown-unparsed' || d.ruleId === 'invalid-utf8'))
    return { path: shown, message: 'not fixed: the report could not be parsed' };
  const fixes: Keyed[] = result.diagnostics.flatMap((d) => (d.fix ? [{ ...d.fix, finding: d }] : []));
  const withEnds = (fixed: string) => (read.crlf ? fixed.replace(/\n/g, '\r\n') : fixed);
  const out = fixesKeepingVerdict(read.text, fixes, result.courseChecker, (fixed) => {
    const again = deps.check(file, encoder.encode(withEnds(fixed)));
    return 'diagnostics' in again ? again.courseChecker : null;
  });
  const held = out.held.map(({ fix, because }) => describeHeld(fix, because)).join('');
  // A dry run's stdout is a patch (for `git apply`): what it holds back goes to stderr.
  const tell = dryRun ? deps.stderr : deps.stdout;
  if (out.text === read.text) {
    if (held) tell(`${shown}: no fix applied, ${fixCount(out.held.length)} held back\n${held}`);
    return false;
  }
  const text = withEnds(out.text);
  if (dryRun) {
    deps.stdout(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, read.text, out.text, '', '', { context: 3 }));
    if (held) tell(`${shown}: ${fixCount(out.held.length)} held back\n${held}`);
    return true;
  }
  try {
    // Changed while it was read and checked (an editor saving): leave it, the fixes are for the old text.
    if (!sameBytes(before, readReportBytes(deps.fs, absolute)))
      return { path: shown, message: 'not fixed: the file changed while it was checked' };
    writeAtomically(deps.fs, absolute, text);
  } catch (error) {
    return { path: shown, message: `not fixed: ${describeFsError(error)}` };
  }
  const skipped = out.skipped.length ? `, ${out.skipped.length} left out (they overlap)` : '';
  const heldBack = out.held.length ? `, ${fixCount(out.held.length)} held back` : '';
  deps.stdout(`${shown}: fixed ${plural(out.applied.length, 'finding')}${skipped}${heldBack}\n`);
  for (const fix of out.applied) deps.stdout(describe(fix));
  deps.stdout(held);
  return true;
}

/**
 * `--fix`: applies every safe fix to each report in place (atomically) and says what changed, file by file;
 * `--fix-dry-run`: prints the unified diff of those fixes and changes nothing. A report that cannot be read,
 * parsed or kept byte for byte outside the fixes is left untouched, with a message on stderr.
 */
export function runFixes(files: readonly string[], dryRun: boolean, deps: FixDeps): FixOutcome {
  const outcome: FixOutcome = { changed: 0, failures: 0 };
  for (const file of new Set(files.map((f) => resolve(deps.cwd, f)))) {
    const named = files.find((f) => resolve(deps.cwd, f) === file) ?? file;
    const done = fixOne(named, dryRun, deps);
    if (typeof done === 'boolean') outcome.changed += done ? 1 : 0;
    else {
      outcome.failures++;
      deps.stderr(formatTextFailure(done));
    }
  }
  return outcome;
}
