import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { UsersService } from '@casetrack/auth';
import { type AppConfig, createLogger } from '@casetrack/config';
import { ensureDatabaseExists, runMigrations } from '../../../../migrations/data-source';
import { ApiException } from '../../../api/src/common/api-exception';
import { ExecuteCaseCommand } from '../../../api/src/cases/write/execute-case-command';
import { caseStory, type ReportedPerson, type StoryStep } from './case-story';
import { Random } from './random';
import { SeedModule } from './seed.module';
import { SeedProgress } from './seed-progress';
import { seedUsers } from './seed-users';

export const SEED_USAGE = `  seed --cases <n> [--seed <s>] [--concurrency <c>]
            write n realistic synthetic cases (invented names) through the command path; same seed, same stories`;

export interface SeedArgs {
  cases: number;
  seed: number;
  concurrency: number;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs | null {
  const value = (flag: string, fallback: number): number => {
    const index = argv.indexOf(flag);
    return index >= 0 && index + 1 < argv.length ? Number(argv[index + 1]) : fallback;
  };
  const args = { cases: value('--cases', 1_000), seed: value('--seed', 1), concurrency: value('--concurrency', 4) };
  const valid = [args.cases, args.seed, args.concurrency].every(Number.isSafeInteger);
  return valid && args.cases >= 0 && args.concurrency >= 1 ? args : null;
}

/** Share of reports that are a second report of someone already reported, under another spelling. */
const DUPLICATE_SHARE = 0.04;

/** `casetrack-cli seed`: demo data for a development or staging database. */
export async function runSeed(args: SeedArgs, config: AppConfig): Promise<void> {
  const logger = createLogger(config.logLevel === 'silent' ? 'warn' : config.logLevel, 'casetrack-cli');
  if (await ensureDatabaseExists(config.databaseUrl)) logger.info('database created');
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(SeedModule.register(config, logger), { logger: false });
  try {
    const users = await seedUsers(app.get(UsersService));
    const commandBus = app.get(CommandBus);
    const stories = planStories(args, users.lawyerIds);
    const progress = new SeedProgress(stories.length);
    let rejected = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < stories.length) {
        const steps = stories[next++];
        const outcome = await writeCase(commandBus, users.coordinatorId, steps);
        rejected += outcome.rejected;
        progress.caseDone(outcome.events);
      }
    };
    await Promise.all(Array.from({ length: args.concurrency }, worker));
    progress.finish();
    const s = Math.max(progress.seconds, 1e-3);
    process.stdout.write(
      `Seeded ${progress.cases} cases, ${progress.events} events in ${s.toFixed(1)} s ` +
        `(${Math.round(progress.cases / s)} cases/s, ${Math.round(progress.events / s)} events/s)` +
        `${rejected ? `; ${rejected} writes refused by a domain rule` : ''}\n`,
    );
  } finally {
    await app.close();
  }
}

/** Every story up front, from one seeded source, so the stories do not depend on the order writes finish in. */
function planStories(args: SeedArgs, lawyerIds: readonly string[]): StoryStep[][] {
  const random = new Random(args.seed);
  const now = Date.now();
  const ctx = { random, now, protestsBegan: now - 45 * 24 * 3_600_000, newId: randomUUID, lawyerIds };
  const reported: ReportedPerson[] = [];
  const stories: StoryStep[][] = [];
  for (let i = 0; i < args.cases; i++) {
    const again = reported.length > 0 && random.chance(DUPLICATE_SHARE) ? random.pick(reported) : undefined;
    const story = caseStory(ctx, again);
    if (!again) reported.push(story.reported);
    stories.push(story.steps);
  }
  return stories;
}

async function writeCase(
  commandBus: CommandBus,
  actorId: string,
  steps: readonly StoryStep[],
): Promise<{ events: number; rejected: number }> {
  const caseId = randomUUID();
  let events = 0;
  let rejected = 0;
  for (const step of steps) {
    try {
      const result = await commandBus.execute(
        new ExecuteCaseCommand(caseId, step.command, {
          actor: { id: actorId, role: 'coordinator' },
          occurredAt: step.occurredAt,
          occurredAtPrecision: 'exact',
          correlationId: randomUUID(),
          idempotencyKey: null,
          expectedVersion: null,
          eventIds: () => randomUUID(),
        }),
      );
      events = result.version;
    } catch (error) {
      // A story the rules refuse in part is still a case; the count says whether the generator needs a look.
      if (!(error instanceof ApiException)) throw error;
      rejected += 1;
    }
  }
  return { events, rejected };
}
