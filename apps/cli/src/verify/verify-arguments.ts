import { type CommandSpec, UsageError } from '../common/command-line';
import { rejectOptions, textOption } from '../common/option-values';

export type VerifyArgs = { mode: 'all'; out: string | null } | { mode: 'against'; file: string; expect: string | null };

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export const VERIFY_COMMAND: CommandSpec<VerifyArgs> = {
  name: 'verify',
  forms: ['--all [--out <file>]', '--against <file> [--expect <digest>]'],
  summary: "verify every stream's hash chain, or that nothing covered by an earlier digest changed",
  details:
    '--all verifies every hash chain and writes a digest of all stream heads; --against proves that no event\n' +
    'covered by that digest changed or vanished. Exit code 0 all good, 1 something changed or is missing.',
  options: {
    all: { type: 'boolean', help: "verify every stream's hash chain and write a digest file" },
    out: {
      type: 'string',
      placeholder: '<file>',
      help: 'with --all: the digest file (default casetrack-digest-<time>.json)',
    },
    against: { type: 'string', placeholder: '<file>', help: 'a digest file written by an earlier verify --all' },
    expect: { type: 'string', placeholder: '<digest>', help: "with --against: the file's published sha256 digest" },
  },
  toArgs: (values) => {
    const against = textOption(values, 'against');
    if ((values.all === true) === (against !== null)) throw new UsageError('give either --all or --against <file>');
    if (against === null) {
      rejectOptions(values, ['expect'], 'goes with --against, not --all');
      return { mode: 'all', out: textOption(values, 'out') };
    }
    rejectOptions(values, ['out'], 'goes with --all, not --against');
    const expect = textOption(values, 'expect');
    if (expect !== null && !SHA256_HEX.test(expect)) {
      throw new UsageError('--expect must be a sha256 digest: 64 hexadecimal characters');
    }
    return { mode: 'against', file: against, expect };
  },
};
