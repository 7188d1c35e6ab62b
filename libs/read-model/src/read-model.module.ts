import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { EVENT_STORE, type EventStore, STORED_EVENT_STORE } from '@casetrack/event-store';
import { CheckpointWaiter } from './projector/checkpoint-waiter';
import { LagProbe, lagProbeFor } from './projector/lag';
import { createMetricsRegistry } from './projector/metrics';
import { GetAgendaHandler } from './queries/agenda.query';
import { CalendarFeedHandler } from './queries/calendar-feed.query';
import { ListEscalationsHandler } from './queries/escalations.query';
import { GetCaseHandler } from './queries/cases/get-case.query';
import { ListCasesHandler } from './queries/cases/list-cases.query';
import { ListComplaintsHandler } from './queries/complaints.query';
import { ListHearingCourtsHandler } from './queries/hearing-courts.query';
import { ListHearingsHandler } from './queries/hearings.query';
import { FindPossibleDuplicatesHandler } from './queries/possible-duplicates.query';
import { GetStatsHandler } from './queries/stats.query';
import { METRICS_REGISTRY, READ_MODEL_POOL } from './tokens';

/**
 * The read side for an API: query handlers over the read-model tables, the read-your-writes waiter, the lag probe
 * and the metrics registry. Needs TypeORM's root module, APP_CONFIG, EVENT_STORE and STORED_EVENT_STORE from the application.
 */
@Module({})
export class ReadModelModule {
  static register(options: { pool: InjectionToken }): DynamicModule {
    return {
      module: ReadModelModule,
      imports: [CqrsModule],
      providers: [
        { provide: READ_MODEL_POOL, useExisting: options.pool },
        {
          provide: LagProbe,
          inject: [READ_MODEL_POOL, STORED_EVENT_STORE, APP_CONFIG],
          useFactory: (pool: Pool, stored: EventStore, config: AppConfig) =>
            lagProbeFor(pool, config.eventStore, stored),
        },
        {
          provide: CheckpointWaiter,
          inject: [READ_MODEL_POOL, EVENT_STORE],
          useFactory: (pool: Pool, store: EventStore) => new CheckpointWaiter(pool, store),
        },
        { provide: METRICS_REGISTRY, inject: [LagProbe], useFactory: createMetricsRegistry },
        ListCasesHandler,
        GetCaseHandler,
        ListHearingsHandler,
        ListHearingCourtsHandler,
        ListComplaintsHandler,
        GetStatsHandler,
        GetAgendaHandler,
        ListEscalationsHandler,
        CalendarFeedHandler,
        FindPossibleDuplicatesHandler,
      ],
      exports: [LagProbe, CheckpointWaiter, METRICS_REGISTRY],
    };
  }
}
