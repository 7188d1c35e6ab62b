import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import { CasesModule } from '../../../api/src/cases/cases.module';
import { LOGGER } from '../../../api/src/common/logger.provider';
import { InfrastructureModule } from '../../../api/src/infrastructure/infrastructure.module';

@Global()
@Module({})
class SeedConfigModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: SeedConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, LOGGER],
    };
  }
}

/**
 * The API's write side without HTTP: the same infrastructure (event store as the API composes it) and the cases
 * module with its command handler, so seeded cases take exactly the path of a real write.
 */
@Module({})
export class SeedModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: SeedModule,
      imports: [SeedConfigModule.register(config, logger), InfrastructureModule, CasesModule],
    };
  }
}
