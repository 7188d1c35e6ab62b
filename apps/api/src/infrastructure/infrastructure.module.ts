import {
  Global,
  Inject,
  Logger as NestLogger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig, type Logger } from '@casetrack/config';
import {
  CaseCipher,
  EVENT_STORE,
  type EventStore,
  type EventStores,
  openEventStores,
  STORED_EVENT_STORE,
  createPool,
} from '@casetrack/event-store';
import { LOGGER } from '../common/logger.provider';
import { REDIS, redisProvider } from './redis.provider';

export const PG_POOL = Symbol('PG_POOL');
const EVENT_STORES = Symbol('EVENT_STORES');

/** Connections to PostgreSQL (TypeORM for read/account tables, a pg pool for the event store) and Redis. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => ({
        type: 'postgres' as const,
        url: config.databaseUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logging: false,
        // TypeORM's own pg pool: fail a checkout fast while the database is away (a 503), and say so in our log.
        connectTimeoutMS: 5_000,
        poolErrorHandler: (error: Error) => logger.warn({ err: error.message }, 'idle database connection lost'),
      }),
    }),
  ],
  providers: [
    redisProvider,
    {
      provide: PG_POOL,
      inject: [APP_CONFIG, LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => createPool(config.databaseUrl, { max: 20, logger }),
    },
    {
      provide: EVENT_STORES,
      inject: [PG_POOL, APP_CONFIG],
      // EVENT_STORE picks the adapter (PostgreSQL or KurrentDB); keys, read models and accounts stay on the pool.
      useFactory: (pool: Pool, config: AppConfig): EventStores => openEventStores(config, pool),
    },
    { provide: STORED_EVENT_STORE, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.stored },
    { provide: EVENT_STORE, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.sealed },
    { provide: CaseCipher, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.cipher },
  ],
  exports: [REDIS, PG_POOL, EVENT_STORE, STORED_EVENT_STORE, CaseCipher],
})
export class InfrastructureModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.redis.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'redis unavailable'));
    // Redis is not needed to record facts; the service starts without it and reconnects on its own.
    this.redis.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.store.close();
    await this.pool.end().catch((error: Error) => NestLogger.warn(error.message));
  }
}
