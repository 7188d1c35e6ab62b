import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { UsersService } from '@casetrack/auth';
import { type AppConfig, createLogger } from '@casetrack/config';
import { ensureDatabaseExists, runMigrations } from '../../../../migrations/data-source';
import { ExecuteCaseCommand } from '../../../api/src/cases/write/execute-case-command';
import { ProgressBar } from '../common/progress-bar';
import { caseStory, type ReportedPerson, type StoryStep } from './case-story';
import { Random } from './random';
import type { SeedArgs } from './seed-arguments';
import { SeedModule } from './seed.module';
import { seedUsers } from './seed-users';

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
    const progress = new ProgressBar(stories.length, 'seed', process.stderr, { unit: 'cases', also: 'events' });
    let rejected = 0;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < stories.length) {
        const steps = stories[next++];
        const outcome = await writeCase(commandBus, users.coordinatorId, steps);
        rejected += outcome.rejected;
        progress.advance(1, outcome.events);
      }
    };
    await Promise.all(Array.from({ length: args.concurrency }, worker));
    progress.finish();
    const s = Math.max(progress.seconds, 1e-3);
    process.stdout.write(
      `Seeded ${progress.done} cases, ${progress.alsoDone} events in ${s.toFixed(1)} s ` +
        `(${Math.round(progress.done / s)} cases/s, ${Math.round(progress.alsoDone / s)} events/s)` +
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
    const outcome = await commandBus.execute(
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
    // A story the rules refuse in part is still a case; the count says whether the generator needs a look.
    if (outcome.kind === 'appended') events = outcome.version;
    else rejected += 1;
  }
  return { events, rejected };
}
