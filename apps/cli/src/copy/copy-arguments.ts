import type { CommandSpec } from '../common/command-line';
import { choiceOption, integerOption } from '../common/option-values';

export interface CopyArgs {
  from: 'postgres';
  to: 'kurrentdb';
  batchSize: number;
  verifyOnly: boolean;
}

export const COPY_COMMAND: CommandSpec<CopyArgs> = {
  name: 'event-store:copy',
  forms: ['--from postgres --to kurrentdb [--batch-size <n>] [--verify-only]'],
  summary: 'copy every event stream to KurrentDB, resumable, then verify the copy',
  details:
    'Copies to KURRENTDB_CONNECTION_STRING in global order, then compares heads and hash chains.\n' +
    'Exit code 0 copied and verified, 1 the verification found differences.',
  options: {
    from: { type: 'string', placeholder: 'postgres', help: 'the store to copy from (only postgres)' },
    to: { type: 'string', placeholder: 'kurrentdb', help: 'the store to copy to (only kurrentdb)' },
    'batch-size': { type: 'string', placeholder: '<n>', help: 'events read per batch, 1 to 10000 (default 500)' },
    'verify-only': { type: 'boolean', help: 'copy nothing, only verify an earlier copy' },
  },
  toArgs: (values) => ({
    from: choiceOption(values, 'from', ['postgres'] as const),
    to: choiceOption(values, 'to', ['kurrentdb'] as const),
    batchSize: integerOption(values, 'batch-size', { min: 1, max: 10_000, fallback: 500 }),
    verifyOnly: values['verify-only'] === true,
  }),
};
