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

  it('should say how to give a value that starts with a dash', () => {
    expect(() => parseArguments({ args: ['--format', '-1'], options, strict: true })).toThrow(
      '--format needs a value; one that starts with "-" is written --format=VALUE',
    );
  });
});

describe('parseArguments, against node:util parseArgs', () => {
  const options = {
    format: { type: 'string' },
    schema: { type: 'string' },
    strict: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const outcome = (parse: () => unknown): unknown => {
    try {
      return { parsed: parse() };
    } catch (error) {
      return { threw: (error as Error).message };
    }
  };
  const cases: string[][] = [
    [],
    ['a.md'],
    ['a.md', 'b.md', ''],
    ['--format', 'json', 'a.md'],
    ['--format=json', '--strict', 'a.md'],
    ['--format=', 'a.md'],
    ['--format=a=b'],
    ['--format', 'json', '--format', 'sarif'],
    ['--strict', '--strict'],
    ['--format'],
    ['--format', '--strict'],
    ['--format', '-'],
    ['--strict=yes'],
    ['--bogus'],
    ['--', '--strict'],
    ['-h'],
    ['-'],
    ['--help', 'a.md'],
    ['--__proto__'],
    ['--toString=x'],
  ];

  it.each(cases)('should read %j as parseArgs does', (...args) => {
    const config = { args, options, allowPositionals: true, strict: true } as const;
    const ours = outcome(() => parseArguments(config));
    const node = outcome(() => parseArgs(config));
    if ('threw' in (node as object)) expect(ours).toHaveProperty('threw');
    else expect(ours).toEqual(node);
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
