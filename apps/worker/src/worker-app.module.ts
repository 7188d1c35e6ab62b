import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { createPool } from '@casetrack/event-store';
import { ReminderWorkerModule } from '@casetrack/reminders';
import { WorkerStatusController } from './worker-status.controller';

const POOL = Symbol('WORKER_POOL');
const LOGGER = Symbol('WORKER_LOGGER');

/** What the worker needs and nothing else: the configuration, a pg pool sized for its concurrency, the logger. */
@Global()
@Module({})
class WorkerInfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerInfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: POOL,
          useFactory: () => createPool(config.databaseUrl, { max: config.reminders.workerConcurrency + 4, logger }),
        },
      ],
      exports: [APP_CONFIG, LOGGER, POOL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** The worker role alone (ROLES=worker): the reminder dispatcher, the BullMQ delivery worker and /health. */
@Module({})
export class WorkerAppModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [
        WorkerInfrastructureModule.register(config, logger),
        ReminderWorkerModule.register({ pool: POOL, logger: LOGGER }),
      ],
      controllers: [WorkerStatusController],
    };
  }
}
