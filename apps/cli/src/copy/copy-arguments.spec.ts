import { parserOf, usageError } from '../common/testing/parsed';
import { COPY_COMMAND } from './copy-arguments';

const parse = parserOf(COPY_COMMAND);
const STORES = ['--from', 'postgres', '--to', 'kurrentdb'];

describe('event-store:copy arguments', () => {
  it('takes the two stores, the batch size and --verify-only', () => {
    expect(parse(...STORES)).toEqual({
      kind: 'run',
      args: { from: 'postgres', to: 'kurrentdb', batchSize: 500, verifyOnly: false },
    });
    expect(parse(...STORES, '--batch-size', '10000', '--verify-only')).toEqual({
      kind: 'run',
      args: { from: 'postgres', to: 'kurrentdb', batchSize: 10_000, verifyOnly: true },
    });
  });

  it('refuses an unknown or misspelt option, naming the one it meant', () => {
    expect(parse(...STORES, '--batchsize', '100')).toEqual(
      usageError('unknown option --batchsize (did you mean --batch-size?)'),
    );
    expect(parse(...STORES, '--verify')).toEqual(usageError('unknown option --verify (did you mean --verify-only?)'));
    expect(parse(...STORES, '--dry-run')).toEqual(usageError('unknown option --dry-run'));
  });

  it('requires both stores and knows only postgres to kurrentdb', () => {
    expect(parse('--to', 'kurrentdb')).toEqual(usageError('--from is required (postgres)'));
    expect(parse('--from', 'postgres')).toEqual(usageError('--to is required (kurrentdb)'));
    expect(parse('--from', 'mysql', '--to', 'kurrentdb')).toEqual(
      usageError("--from must be one of postgres, not 'mysql'"),
    );
    expect(parse('--from', 'kurrentdb', '--to', 'postgres')).toEqual(usageError(/--from must be one of postgres/));
  });

  it('refuses a batch size that is not a whole number from 1 to 10000, a missing value and a value to a flag', () => {
    for (const bad of ['0', '10001', '2.5', 'many']) {
      expect(parse(...STORES, '--batch-size', bad)).toEqual(
        usageError(`--batch-size must be a whole number from 1 to 10000, not '${bad}'`),
      );
    }
    expect(parse(...STORES, '--batch-size')).toEqual(usageError(/--batch-size/));
    expect(parse(...STORES, '--verify-only=yes')).toEqual(usageError(/--verify-only/));
  });

  it('answers --help with the usage instead of running', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
  });
});
