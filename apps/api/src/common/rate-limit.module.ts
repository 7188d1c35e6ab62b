import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '@casetrack/config';

/**
 * A general request limit per client address (429 RATE_LIMITED), against floods and scraping.
 * Counted in this process's memory: with several API instances each applies it on its own.
 */
@Module({})
export class RateLimitModule {
  static register(config: AppConfig): DynamicModule {
    if (config.rateLimitPerMinute === 0) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.rateLimitPerMinute }])],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
