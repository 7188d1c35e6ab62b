import {
  type DynamicModule,
  Inject,
  Injectable,
  type InjectionToken,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { WorkerRole } from './worker-role';

const POOL = Symbol('REMINDERS_POOL');
const LOGGER = Symbol('REMINDERS_LOGGER');

/** Starts the dispatcher and the worker once the application is up; stops them before connections close. */
@Injectable()
export class WorkerRoleService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly role: WorkerRole;

  constructor(@Inject(POOL) pool: Pool, @Inject(APP_CONFIG) config: AppConfig, @Inject(LOGGER) logger: Logger) {
    this.role = new WorkerRole(pool, config, logger);
  }

  onApplicationBootstrap(): void {
    this.role.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.role.stop();
  }
}

/** The worker role for any application that provides APP_CONFIG, a pg pool and a logger. */
@Module({})
export class ReminderWorkerModule {
  static register(options: { pool: InjectionToken; logger: InjectionToken }): DynamicModule {
    return {
      module: ReminderWorkerModule,
      providers: [
        { provide: POOL, useExisting: options.pool },
        { provide: LOGGER, useExisting: options.logger },
        WorkerRoleService,
      ],
      exports: [WorkerRoleService],
    };
  }
}
