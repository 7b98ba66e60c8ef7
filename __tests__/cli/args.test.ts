import { parseArgs } from 'node:util';
import { choice, parseArguments } from '../../src/cli/args.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('parseArguments', () => {
  const options = { format: { type: 'string' }, strict: { type: 'boolean' } } as const;

  it('should parse known options', () => {
    expect(parseArguments({ args: ['--format', 'json', '--strict'], options }).values).toEqual({
      format: 'json',
      strict: true,
    });
  });

  it('should refuse an unknown option or a missing value in one line', () => {
    expect(() => parseArguments({ args: ['--bogus'], options, strict: true })).toThrow(UsageError);
    expect(() => parseArguments({ args: ['--bogus'], options, strict: true })).toThrow(
      'unknown option --bogus (see --help)',
    );
    expect(() => parseArguments({ args: ['--format'], options, strict: true })).toThrow(
      /--format needs a value/,
    );
  });

  // The CLI's own parser stands in for node:util parseArgs (whose first call costs a cold start about 0.7 ms):
  // the same values and positionals, and the one-line form of node's error, for every shape the CLI declares.
  describe('as node:util parseArgs', () => {
    const cli = {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      strict: { type: 'boolean' },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    } as const;
    /** Node's error as one line, as the CLI printed it while it used node's parser. */
    const nodeLine = (error: { code?: string; message: string }): string => {
      const option = /'(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1];
      if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option} (see --help)`;
      if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
        return /does not take/.test(error.message)
          ? `${option} does not take a value`
          : `${option} needs a value`;
      if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'too many arguments (see --help)';
      return error.message;
    };
    const outcome = (
      parse: () => { values: object; positionals: string[] },
      mapError: (e: never) => string,
    ) => {
      try {
        const { values, positionals } = parse();
        return { values: { ...values }, positionals };
      } catch (error) {
        return { error: mapError(error as never) };
      }
    };
    const cases: string[][] = [
      [],
      ['a.md'],
      ['--format', 'json', 'a.md', 'b.md'],
      ['--format=json', '--strict'],
      ['--format=', 'a.md'],
      ['--format', '-'],
      ['--format', '--strict'],
      ['--format', '-x'],
      ['--format=-x'],
      ['--format'],
      ['--strict=yes'],
      ['--strict', '--strict'],
      ['--format', 'a', '--format', 'b'],
      ['--bogus'],
      ['--bogus=1'],
      ['-h'],
      ['-hV'],
      ['-Vh', 'x'],
      ['-x'],
      ['-hx'],
      ['-o', 'out.html', 'a.md'],
      ['-oout.html'],
      ['-hoout.html'],
      ['-ho', 'out.html'],
      ['-o'],
      ['-o', '-h'],
      ['-hVo', 'x'],
      ['--output=a', '-o', 'b', '-ob'],
      ['-', 'a.md'],
      ['--', '--strict', '-h'],
      ['a.md', '--', 'b.md'],
      ['--fail-on', 'warning', 'a.md'],
      ['--constructor'],
      ['--__proto__=x'],
      [''],
    ];
    it.each(cases.map((args) => [args.join(' ') || '(none)', args]))('%s', (_, args) => {
      for (const allowPositionals of [true, false]) {
        const config = { args, options: cli, strict: true, allowPositionals } as const;
        expect(
          outcome(
            () => parseArguments(config),
            (e: UsageError) => e.message,
          ),
        ).toEqual(outcome(() => parseArgs(config), nodeLine));
      }
    });
  });
});

describe('choice', () => {
  it('should take an allowed value, the fallback when absent, and refuse anything else', () => {
    expect(choice('fail-on', 'warning', ['error', 'warning'], 'error')).toBe('warning');
    expect(choice('fail-on', undefined, ['error', 'warning'], 'error')).toBe('error');
    expect(() => choice('fail-on', 'x', ['error', 'warning'], 'error')).toThrow(
      '--fail-on: unknown value "x" (expected error, warning)',
    );
  });
});
