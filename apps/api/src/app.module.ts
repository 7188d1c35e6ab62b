import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { AuthModule } from '@casetrack/auth';
import { ProjectorModule } from '@casetrack/read-model';
import { AuthController } from './accounts/auth.controller';
import { BootstrapAdmin } from './accounts/bootstrap-admin';
import { AuditModule } from './audit/audit.module';
import { UsersController } from './accounts/users.controller';
import { CasesModule } from './cases/cases.module';
import { LOGGER } from './common/logger.provider';
import { RateLimitModule } from './common/rate-limit.module';
import { AccessLogModule } from './access-log/access-log.module';
import { HealthController } from './health/health.controller';
import { InfrastructureModule, PG_POOL } from './infrastructure/infrastructure.module';
import { ReadsModule } from './reads/reads.module';

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

/** The whole service: the API, plus the projector when ROLES includes it (the default); the worker joins later. */
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
        CasesModule,
        AuditModule,
        ReadsModule,
        ...(config.roles.includes('projector') ? [ProjectorModule.register({ pool: PG_POOL, logger: LOGGER })] : []),
      ],
      controllers: [HealthController, AuthController, UsersController],
      providers: [BootstrapAdmin],
    };
  }
}
