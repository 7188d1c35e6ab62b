import { parserOf, usageError } from '../common/testing/parsed';
import { VERIFY_COMMAND } from './verify-arguments';

const parse = parserOf(VERIFY_COMMAND);
const DIGEST = 'ab'.repeat(32);

describe('verify arguments', () => {
  it('takes --all with an optional --out, or --against with an optional --expect', () => {
    expect(parse('--all')).toEqual({ kind: 'run', args: { mode: 'all', out: null } });
    expect(parse('--all', '--out', 'heads.json')).toEqual({ kind: 'run', args: { mode: 'all', out: 'heads.json' } });
    expect(parse('--against', 'heads.json')).toEqual({
      kind: 'run',
      args: { mode: 'against', file: 'heads.json', expect: null },
    });
    expect(parse('--against', 'heads.json', '--expect', DIGEST.toUpperCase())).toEqual({
      kind: 'run',
      args: { mode: 'against', file: 'heads.json', expect: DIGEST.toUpperCase() },
    });
  });

  it('refuses an unknown or misspelt option, naming the one it meant', () => {
    expect(parse('--al')).toEqual(usageError('unknown option --al (did you mean --all?)'));
    expect(parse('--against', 'heads.json', '--expected', DIGEST)).toEqual(
      usageError('unknown option --expected (did you mean --expect?)'),
    );
    expect(parse('--all', '--force')).toEqual(usageError('unknown option --force'));
  });

  it('needs exactly one of --all and --against', () => {
    expect(parse()).toEqual(usageError('give either --all or --against <file>'));
    expect(parse('--all', '--against', 'heads.json')).toEqual(usageError('give either --all or --against <file>'));
  });

  it("refuses the other form's options, a missing value and an --expect that is not a sha256 digest", () => {
    expect(parse('--all', '--expect', DIGEST)).toEqual(usageError('--expect goes with --against, not --all'));
    expect(parse('--against', 'heads.json', '--out', 'x.json')).toEqual(
      usageError('--out goes with --all, not --against'),
    );
    expect(parse('--against')).toEqual(usageError(/--against/));
    expect(parse('--against=')).toEqual(usageError('--against needs a value'));
    expect(parse('--all', '--out')).toEqual(usageError(/--out/));
    for (const bad of ['abc', DIGEST.slice(1), `${DIGEST}0`, 'g'.repeat(64)]) {
      expect(parse('--against', 'heads.json', '--expect', bad)).toEqual(
        usageError('--expect must be a sha256 digest: 64 hexadecimal characters'),
      );
    }
  });

  it('refuses a value given to the --all flag, a positional argument and a repeated option', () => {
    expect(parse('--all=yes')).toEqual(usageError(/--all/));
    expect(parse('--all', 'heads.json')).toEqual(usageError(/Unexpected argument 'heads.json'/));
    expect(parse('--all', '--all')).toEqual(usageError('--all is given more than once'));
  });

  it('answers --help with the usage instead of running', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
  });
});
