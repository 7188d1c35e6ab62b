import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { READ_MODEL_LOGGER, READ_MODEL_POOL } from '../tokens';
import type { CaseProjectorOptions } from './case-projector';
import { PROJECTOR_OPTIONS, ProjectorService } from './projector.service';

export interface ProjectorModuleOptions {
  /** Token of the application's pg pool. */
  pool: InjectionToken;
  /** Token of the application's logger. */
  logger: InjectionToken;
  projector?: Omit<CaseProjectorOptions, 'logger'>;
}

/** The projector role, for any application that provides EVENT_STORE, a pg pool and a logger. */
@Module({})
export class ProjectorModule {
  static register(options: ProjectorModuleOptions): DynamicModule {
    return {
      module: ProjectorModule,
      providers: [
        { provide: READ_MODEL_POOL, useExisting: options.pool },
        { provide: READ_MODEL_LOGGER, useExisting: options.logger },
        { provide: PROJECTOR_OPTIONS, useValue: options.projector ?? {} },
        ProjectorService,
      ],
      exports: [ProjectorService],
    };
  }
}
