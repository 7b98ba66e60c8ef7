// The markdownlint custom rule `report-check/markdownlint` (dist/markdownlint.cjs): every report-check finding in
// the editor (VS Code's markdownlint extension) and in markdownlint-cli2, on its line, its fix as a quick fix.
import { checkReport } from './check.js';
import { errorMessage, isRunError } from './errors.js';
import { readSettings } from './markdownlint/config.js';
import { locate } from './markdownlint/location.js';
import { reportText } from './markdownlint/source-text.js';
import { toErrors, type ErrorInfo } from './markdownlint/to-errors.js';
import { loadSource } from './source/load-source.js';

const encoder = new TextEncoder();

/** What markdownlint hands a rule (the part of its RuleParams this rule reads). */
export interface RuleParams {
  name: string;
  lines: readonly string[];
  frontMatterLines: readonly string[];
  config: unknown;
}

/** The errors of one report: the engine run on the whole file, as `report-check FILE` runs it. */
export function lintReport(params: RuleParams): ErrorInfo[] {
  const settings = readSettings(params.config);
  if (typeof settings === 'string')
    return [{ lineNumber: 1, detail: `report-check could not run: ${settings}` }];
  // markdownlint hands the rule the lines after the front matter; the engine reads the file as the checker does.
  const { file, path, files } = locate(params.name);
  const text = reportText(params, file);
  const placement = { text, hidden: params.frontMatterLines.length, lines: params.lines };
  // What the CLI refuses to read (a NUL byte, over 1 MiB) is its one file-level error, never a silent pass.
  const source = loadSource({ path, bytes: encoder.encode(text) });
  if (!source.ok) return toErrors([source.diagnostic], placement);
  try {
    const { edition, strict } = settings;
    const result = checkReport({ path, content: text, files, edition, strict });
    // Fix-all holds back what `--fix` holds back: a fix after which the course checker would fail more.
    const recheck = (fixed: string) =>
      checkReport({ path, content: fixed, files, edition, strict }).courseChecker;
    return toErrors(result.diagnostics, placement, { before: result.courseChecker, recheck });
  } catch (error) {
    const reason = isRunError(error)
      ? error.message
      : `internal error: ${errorMessage(error).split('\n')[0]}`;
    return [{ lineNumber: 1, detail: `report-check could not run: ${reason}` }];
  }
}

/** The rule object markdownlint loads (`customRules`). */
const rule = {
  names: ['report-check', 'dtu-mlops-report'],
  description: "DTU 02476 MLOps exam report: the course checker's constraints (report-check)",
  information: new URL('https://github.com/report-check/report-check#in-the-editor-markdownlint'),
  tags: ['dtu-mlops'],
  parser: 'none' as const,
  function(params: RuleParams, onError: (info: ErrorInfo) => void): void {
    for (const error of lintReport(params)) onError(error);
  },
};

export default rule;
