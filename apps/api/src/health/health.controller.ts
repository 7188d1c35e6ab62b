import { Controller, Get, Inject, type OnModuleDestroy, Optional, Req, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { credentialOf, Public, TokensService } from '@casetrack/auth';
import { EVENT_STORE, type EventStore } from '@casetrack/event-store';
import { LagProbe, type ProjectorLag } from '@casetrack/read-model';
import { createReminderQueue, type ReminderJobData, reminderQueueAddress } from '@casetrack/reminders';
import type { Queue } from 'bullmq';
import { ProjectorThread } from '../../../projector/src/thread/projector-thread';
import { REDIS } from '../infrastructure/redis.provider';
import { ApiRoute, PublicRoute } from '../openapi/api-route';
import { type Check, check, judgeHealth, QUEUE_STATES, type QueueCounts } from './health-checks';
import { HealthSchema } from './health.responses';

/**
 * Liveness and the state of what the service depends on: 503 when the database or the event store is down,
 * degraded when reminders cannot be queued or the read models lag or hold quarantined events. Anyone gets the
 * statuses; latencies, errors, lag figures and reasons only a signed-in admin (errors name hosts and ports).
 */
@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  /** The reminder queue, opened on an admin's first look (the counts are Redis reads; nothing else uses it here). */
  private queue: Queue<ReminderJobData> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly lag: LagProbe,
    private readonly tokens: TokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    /** Present when this process runs the projector on a thread: down while the thread is not running. */
    @Optional() @Inject(ProjectorThread) private readonly projectorThread: ProjectorThread | null = null,
  ) {}

  @ApiRoute({
    operationId: 'getHealth',
    summary: 'Liveness and the state of the database, the event store, Redis and the projector',
    description:
      'Anyone gets the statuses; latencies, errors, lag figures, reasons and the reminder queue’s counts only a ' +
      'signed-in admin.',
    answer: { type: HealthSchema, description: 'Up: ok, or degraded (reminders or reads lag)' },
    errors: [400, 429],
  })
  @ApiResponse({ status: 503, type: HealthSchema, description: 'Down: the database or the event store is down' })
  @PublicRoute()
  @Public()
  @Get()
  async health(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    let lag: ProjectorLag | null = null;
    const [database, eventStore, redis, projector, admin] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.store.streamVersion('health-probe')),
      check(() => this.redis.ping()),
      check(async () => {
        lag = await this.lag.measure();
        if (this.projectorThread?.running === false) throw new Error('the projector thread is not running');
      }),
      this.isAdmin(request),
    ]);
    const verdict = judgeHealth({ database, eventStore, redis, projector }, lag, this.config.healthLagSeconds);
    response.status(verdict.status === 'down' ? 503 : 200);
    if (!admin) {
      const statuses = Object.fromEntries(
        Object.entries(verdict.checks).map(([name, { status }]) => [name, { status }]),
      ) as Record<string, Pick<Check, 'status'>>;
      return { status: verdict.status, checks: statuses };
    }
    return {
      status: verdict.status,
      reasons: verdict.reasons,
      checks: { ...verdict.checks, projector: { ...verdict.checks.projector, ...(lag === null ? {} : { lag }) } },
      reminderQueue: redis.status === 'up' ? await this.queueCounts() : null,
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close();
  }

  /** Jobs waiting, running, delayed until their time and failed for good; null when Redis does not answer. */
  private async queueCounts(): Promise<QueueCounts | null> {
    this.queue ??= createReminderQueue(reminderQueueAddress(this.config));
    const queue = this.queue;
    let counts: QueueCounts | null = null;
    const probe = await check(async () => {
      const raw = await queue.getJobCounts(...QUEUE_STATES);
      counts = {
        waiting: raw.waiting ?? 0,
        active: raw.active ?? 0,
        delayed: raw.delayed ?? 0,
        failed: raw.failed ?? 0,
      };
    });
    return probe.status === 'up' ? counts : null;
  }

  /** An admin's bearer token or console session, judged as the guard judges it (credentialOf). */
  private async isAdmin(request: Request): Promise<boolean> {
    const credential = credentialOf(request, this.config.session);
    if (credential === null) return false;
    const user = await this.tokens.authenticate(credential.token, new Date(), credential.kind).catch(() => null);
    return user?.role === 'admin';
  }
}
