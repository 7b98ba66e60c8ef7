import { resolve, sep } from 'node:path';
import { errorMessage } from '../errors.js';
import { bytesProblem, problemReason } from '../source/problems.js';
import { describeFsError, readReportBytes } from './files.js';
import type { CliDeps } from './run.js';
import { parseArguments } from './args.js';
import { UsageError } from './usage-error.js';

/** `report-check html --help`. */
export const HTML_USAGE = `Usage: report-check html FILE [-o OUT]

Render a report to a standalone HTML page, like the course's \`report.py html\`, on stdout or into OUT.
Raw HTML in the report is shown as text, never run; links other than http(s)/mailto are dropped.
`;

/** Runs `report-check html FILE [-o OUT]`; returns the exit status (0, or 2 when it could not run). */
export async function runHtml(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { values, positionals } = parseArguments({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    deps.stdout(HTML_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('html needs exactly one FILE (see html --help)');
  const file = positionals[0] as string;
  const shown = file.split(sep).join('/');
  let bytes: Uint8Array;
  try {
    bytes = readReportBytes(deps.fs, resolve(deps.cwd, file));
  } catch (error) {
    throw new UsageError(`${shown}: ${describeFsError(error)}`, { cause: error });
  }
  const problem = bytesProblem(bytes);
  if (problem) throw new UsageError(`${shown}: ${problemReason(problem)}`);
  // Python reads the report as UTF-8 and would refuse bad bytes; a page with U+FFFD in their place is more useful.
  const markdown = new TextDecoder('utf-8').decode(bytes);
  // Loaded on demand: the HTML libraries would otherwise add to every check's start-up time.
  const { renderHtml } = await import('../html.js');
  let page: string;
  try {
    page = renderHtml(markdown, { fallbackTitle: shown });
  } catch (error) {
    // Pathological nesting can exhaust the stack of the markdown libraries.
    throw new UsageError(`${shown}: could not render: ${errorMessage(error).split('\n')[0]}`, {
      cause: error,
    });
  }
  const output = values.output;
  if (output === undefined || output === '-') {
    deps.stdout(page);
    return 0;
  }
  if (resolve(deps.cwd, output) === resolve(deps.cwd, file)) {
    throw new UsageError(`${output}: is the report itself; write the page to another file`);
  }
  try {
    deps.fs.writeFile(resolve(deps.cwd, output), page);
  } catch (error) {
    throw new UsageError(`${output}: could not write (${describeFsError(error)})`, { cause: error });
  }
  return 0;
}
