import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Logger, projectorOnThread } from '@casetrack/config';
import { AuthModule } from '@casetrack/auth';
import { ProjectorModule } from '@casetrack/read-model';
import { reminderProjectionHook, ReminderWorkerModule } from '@casetrack/reminders';
import { ProjectorThread } from '../../projector/src/thread/projector-thread';
import { BootstrapAdmin } from './accounts/bootstrap-admin';
import { AuditModule } from './audit/audit.module';
import { AccountsModule } from './accounts/accounts.module';
import { CasesModule } from './cases/cases.module';
import { LOGGER } from './common/logger.provider';
import { RateLimitModule } from './common/rate-limit.module';
import { AccessLogModule } from './access-log/access-log.module';
import { HealthController } from './health/health.controller';
import { InfrastructureModule, PG_POOL } from './infrastructure/infrastructure.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReadsModule } from './reads/reads.module';
import { ExportsModule } from './reads/exports/exports.module';
import { EscalationsModule } from './reads/escalations/escalations.module';
import { CalendarModule } from './calendar/calendar.module';
import { ImportsModule } from './imports/imports.module';

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, LOGGER],
    };
  }
}

/**
 * The whole service: the API, plus the projector and the reminder worker when ROLES includes them (the default); the
 * projector on a thread of its own unless PROJECTOR_THREAD is off.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config, logger),
        RateLimitModule.register(config),
        InfrastructureModule,
        AccessLogModule,
        AuthModule,
        AccountsModule,
        CasesModule,
        AuditModule,
        ExportsModule,
        ReadsModule,
        NotificationsModule,
        EscalationsModule,
        CalendarModule,
        ImportsModule,
        ...(config.roles.includes('worker') ? [ReminderWorkerModule.register({ pool: PG_POOL, logger: LOGGER })] : []),
        ...(config.roles.includes('projector') && !projectorOnThread(config)
          ? [
              ProjectorModule.register({
                pool: PG_POOL,
                logger: LOGGER,
                projector: { batchHooks: [reminderProjectionHook(config.reminders)] },
              }),
            ]
          : []),
      ],
      controllers: [HealthController],
      providers: [
        BootstrapAdmin,
        ...(projectorOnThread(config)
          ? [{ provide: ProjectorThread, useFactory: () => new ProjectorThread(config, logger) }]
          : []),
      ],
    };
  }
}
