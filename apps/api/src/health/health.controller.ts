import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '@casetrack/auth';
import { EVENT_STORE, type EventStore } from '@casetrack/event-store';
import { LagProbe, type ProjectorLag } from '@casetrack/read-model';
import { REDIS } from '../infrastructure/redis.provider';

type Check = { status: 'up' | 'down'; latencyMs: number; error?: string };

async function check(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/** Liveness and the state of what the service depends on. 503 when the database or the event store is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly lag: LagProbe,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    let lag: ProjectorLag | null = null;
    const [database, eventStore, redis, projector] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.store.streamVersion('health-probe')),
      check(() => this.redis.ping()),
      check(async () => (lag = await this.lag.measure())),
    ]);
    // Redis only carries reminders: writes keep working without it, so it degrades rather than fails the service.
    const status =
      database.status === 'up' && eventStore.status === 'up' ? (redis.status === 'up' ? 'ok' : 'degraded') : 'down';
    response.status(status === 'down' ? 503 : 200);
    // Lag is reported, not judged: reads stay correct while behind, and X-Min-Position covers read-your-writes.
    const projectorCheck = { ...projector, ...(lag === null ? {} : { lag }) };
    return { status, checks: { database, eventStore, redis, projector: projectorCheck } };
  }
}
