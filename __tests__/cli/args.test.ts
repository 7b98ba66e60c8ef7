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
