import { parserOf, usageError } from '../common/testing/parsed';
import { SEED_COMMAND } from './seed-arguments';

const parse = parserOf(SEED_COMMAND);

describe('seed arguments', () => {
  it('takes the number of cases, the seed and the concurrency', () => {
    expect(parse('--cases', '10', '--seed', '7', '--concurrency', '2')).toEqual({
      kind: 'run',
      args: { cases: 10, seed: 7, concurrency: 2 },
    });
    expect(parse('--cases=0')).toEqual({ kind: 'run', args: { cases: 0, seed: 1, concurrency: 4 } });
    expect(parse('--cases', '1000000', '--seed', '4294967295', '--concurrency', '64')).toEqual({
      kind: 'run',
      args: { cases: 1_000_000, seed: 4_294_967_295, concurrency: 64 },
    });
  });

  it('refuses the misspelt --case instead of seeding the default 1,000 cases, and names the option it meant', () => {
    expect(parse('--case', '10')).toEqual(usageError('unknown option --case (did you mean --cases?)'));
    expect(parse('--cases', '10', '--concurency', '2')).toEqual(
      usageError('unknown option --concurency (did you mean --concurrency?)'),
    );
    expect(parse('--cases', '10', '--verbose')).toEqual(usageError('unknown option --verbose'));
  });

  it('requires --cases: no silent default', () => {
    expect(parse()).toEqual(usageError('--cases is required'));
    expect(parse('--seed', '3')).toEqual(usageError('--cases is required'));
  });

  it('refuses a missing value, a value that is not a whole number and one out of range', () => {
    expect(parse('--cases')).toEqual(usageError(/--cases/));
    expect(parse('--cases', '--seed', '3')).toEqual(usageError(/--cases/));
    for (const bad of ['1.5', '1e3', '0x10', 'ten', '', ' 5', '-1', '1000001']) {
      expect(parse(`--cases=${bad}`)).toEqual(
        usageError(`--cases must be a whole number from 0 to 1000000, not '${bad}'`),
      );
    }
    expect(parse('--cases', '5', '--seed=-1')).toEqual(
      usageError(/--seed must be a whole number from 0 to 4294967295/),
    );
    expect(parse('--cases', '5', '--seed', '4294967296')).toEqual(usageError(/--seed must be a whole number/));
    expect(parse('--cases', '5', '--concurrency', '0')).toEqual(
      usageError(/--concurrency must be a whole number from 1/),
    );
    expect(parse('--cases', '5', '--concurrency', '65')).toEqual(usageError(/--concurrency must be a whole number/));
  });

  it('refuses a positional argument and an option given twice', () => {
    expect(parse('10')).toEqual(usageError(/Unexpected argument '10'/));
    expect(parse('--cases', '10', '--cases', '20')).toEqual(usageError('--cases is given more than once'));
  });

  it('answers --help and -h with the usage instead of running', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('-h', '--cases', '3')).toEqual({ kind: 'help' });
  });
});
