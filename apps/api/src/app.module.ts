import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { AuthModule } from '@casetrack/auth';
import { AuthController } from './accounts/auth.controller';
import { BootstrapAdmin } from './accounts/bootstrap-admin';
import { UsersController } from './accounts/users.controller';
import { CasesModule } from './cases/cases.module';
import { LOGGER } from './common/logger.provider';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';

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

/** The whole service. Today it runs the API; the projector and worker roles join it as they are built. */
@Module({})
export class AppModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.register(config, logger), InfrastructureModule, AuthModule, CasesModule],
      controllers: [HealthController, AuthController, UsersController],
      providers: [BootstrapAdmin],
    };
  }
}
