import type { Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';

export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [APP_CONFIG],
  // Fail fast instead of queueing commands while Redis is away: nothing on the write path waits for it. Any key
  // written through this client lands under the deployment's prefix, apart from other deployments sharing the Redis.
  useFactory: (config: AppConfig) =>
    new Redis(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      keyPrefix: `${config.redisPrefix}:`,
    }),
};
