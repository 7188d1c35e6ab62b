import type { CommandSpec } from '../common/command-line';
import { integerOption } from '../common/option-values';

export interface SeedArgs {
  cases: number;
  seed: number;
  concurrency: number;
}

export const SEED_COMMAND: CommandSpec<SeedArgs> = {
  name: 'seed',
  forms: ['--cases <n> [--seed <s>] [--concurrency <c>]'],
  summary: 'write n realistic synthetic cases (invented names) through the command path',
  details:
    'Demo data for a development or staging database; the same seed writes the same stories.\n' +
    'Progress on stderr, the final rate on stdout.',
  options: {
    cases: { type: 'string', placeholder: '<n>', help: 'how many cases to write, 0 to 1000000 (required)' },
    seed: { type: 'string', placeholder: '<s>', help: 'seed of the stories, 0 to 4294967295 (default 1)' },
    concurrency: { type: 'string', placeholder: '<c>', help: 'cases written at the same time, 1 to 64 (default 4)' },
  },
  toArgs: (values) => ({
    cases: integerOption(values, 'cases', { min: 0, max: 1_000_000 }),
    // The generator keeps 32 bits of its seed (mulberry32): a larger one would repeat a smaller one's stories.
    seed: integerOption(values, 'seed', { min: 0, max: 0xffff_ffff, fallback: 1 }),
    concurrency: integerOption(values, 'concurrency', { min: 1, max: 64, fallback: 4 }),
  }),
};
