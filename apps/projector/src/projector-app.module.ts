import {
  Controller,
  type DynamicModule,
  Get,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import type { AppConfig, Logger } from '@casetrack/config';
import { createPool, EVENT_STORE, type EventStore, type EventStores, openEventStores } from '@casetrack/event-store';
import {
  createMetricsRegistry,
  LagProbe,
  lagProbeFor,
  ProjectorModule,
  ProjectorService,
  projectorTroubles,
} from '@casetrack/read-model';
import { reminderProjectionHook } from '@casetrack/reminders';

const POOL = Symbol('PROJECTOR_POOL');
const LOGGER = Symbol('PROJECTOR_LOGGER');
const METRICS = Symbol('PROJECTOR_METRICS');
const STORES = Symbol('PROJECTOR_EVENT_STORES');
const HEALTH_LAG_SECONDS = Symbol('PROJECTOR_HEALTH_LAG_SECONDS');

/** What the projector needs and nothing else: a pg pool, the event store on it, the logger. */
@Global()
@Module({})
class ProjectorInfrastructureModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(POOL) private readonly pool: Pool,
  ) {}

  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ProjectorInfrastructureModule,
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: HEALTH_LAG_SECONDS, useValue: config.healthLagSeconds },
        {
          provide: POOL,
          useFactory: () => createPool(config.databaseUrl, { max: 5, logger }),
        },
        {
          provide: STORES,
          inject: [POOL],
          useFactory: (pool: Pool): EventStores => openEventStores(config, pool),
        },
        { provide: EVENT_STORE, inject: [STORES], useFactory: (stores: EventStores): EventStore => stores.sealed },
        {
          provide: LagProbe,
          inject: [POOL, STORES],
          useFactory: (pool: Pool, stores: EventStores) => lagProbeFor(pool, config.eventStore, stores.stored),
        },
        { provide: METRICS, inject: [LagProbe], useFactory: createMetricsRegistry },
      ],
      exports: [LOGGER, POOL, EVENT_STORE, LagProbe, METRICS, HEALTH_LAG_SECONDS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }
}

/**
 * Health and metrics of a process that only projects, for the orchestrator and Prometheus. No case data and no
 * error text (it names hosts): degraded when the lag passes HEALTH_LAG_SECONDS or events are quarantined.
 */
@Controller()
class ProjectorStatusController {
  constructor(
    private readonly projector: ProjectorService,
    private readonly lag: LagProbe,
    @Inject(METRICS) private readonly registry: Registry,
    @Inject(HEALTH_LAG_SECONDS) private readonly lagLimitSeconds: number,
  ) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response) {
    try {
      const lag = await this.lag.measure();
      const running = this.projector.projector.running;
      const degraded = projectorTroubles(lag, this.lagLimitSeconds).length > 0;
      const status = !running ? 'down' : degraded ? 'degraded' : 'ok';
      response.status(running ? 200 : 503);
      return { status, checks: { projector: { status: degraded ? 'degraded' : 'up', running, lag } } };
    } catch {
      response.status(503);
      return { status: 'down', checks: { projector: { status: 'down' } } };
    }
  }

  @Get('metrics')
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.registry.metrics();
    response.setHeader('Content-Type', this.registry.contentType);
    return body;
  }
}

/**
 * The projector role alone (ROLES=projector): follows the feed and, in a process of its own, serves /health and
 * /metrics (`serve`; on the API's projector thread the API serves its own).
 */
@Module({})
export class ProjectorAppModule {
  static register(config: AppConfig, logger: Logger, { serve = true }: { serve?: boolean } = {}): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        ProjectorInfrastructureModule.register(config, logger),
        ProjectorModule.register({
          pool: POOL,
          logger: LOGGER,
          projector: { batchHooks: [reminderProjectionHook(config.reminders)] },
        }),
      ],
      controllers: serve ? [ProjectorStatusController] : [],
    };
  }
}
