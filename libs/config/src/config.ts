/** Typed configuration, read once from the environment and validated at start. */
export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Apply pending migrations when the service starts. */
  migrateOnStart: boolean;
  bootstrapAdmin: { email: string; password: string } | null;
  accessTokenTtlSeconds: number;
  /** Attempts at a raced append before answering 409. */
  appendRetries: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body. */
  bodyLimit: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const envName = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, fallback: string, protocols: string[]): string => {
    const raw = env[name] || fallback;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const adminEmail = env.BOOTSTRAP_ADMIN_EMAIL?.trim();
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD;
  let bootstrapAdmin: AppConfig['bootstrapAdmin'] = null;
  if (adminEmail || adminPassword) {
    if (!adminEmail || !adminPassword) {
      problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
    } else if (adminPassword.length < 12) {
      problems.push('BOOTSTRAP_ADMIN_PASSWORD must have at least 12 characters');
    } else {
      bootstrapAdmin = { email: adminEmail, password: adminPassword };
    }
  }

  const logLevel = (env.LOG_LEVEL ?? (envName === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const config: AppConfig = {
    env: envName,
    port: integer('PORT', 3000, 0, 65535),
    databaseUrl: url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/casetrack', ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    migrateOnStart: boolean('MIGRATE_ON_START', true),
    bootstrapAdmin,
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    appendRetries: integer('APPEND_RETRIES', 10, 1, 100),
    logLevel,
    bodyLimit: env.BODY_LIMIT ?? '256kb',
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
