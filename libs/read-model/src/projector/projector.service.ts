import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Pool } from 'pg';
import type { Logger } from '@casetrack/config';
import { EVENT_STORE, type EventStore } from '@casetrack/event-store';
import { READ_MODEL_LOGGER, READ_MODEL_POOL } from '../tokens';
import { CaseProjector, type CaseProjectorOptions } from './case-projector';

export const PROJECTOR_OPTIONS = Symbol('PROJECTOR_OPTIONS');

/**
 * The projector role: follows the feed from the stored checkpoint once the application has started, and stops
 * before the connections are closed (module destroy runs before any application-shutdown hook).
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly projector: CaseProjector;

  constructor(
    @Inject(READ_MODEL_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_LOGGER) logger: Logger,
    @Inject(PROJECTOR_OPTIONS) options: CaseProjectorOptions,
  ) {
    this.projector = new CaseProjector(pool, store, { ...options, logger });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.projector.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.projector.stop();
  }

  start(): Promise<void> {
    return this.projector.start();
  }

  stop(): Promise<void> {
    return this.projector.stop();
  }
}
