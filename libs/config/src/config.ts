import { parseDurationList } from './durations';
import { redisPrefix } from './redis-prefix';
import { withSecretFiles } from './secret-files';
import { readRequireSecondFactor, readTrustProxy, type SignInConfig, type TrustProxy } from './sign-in-config';

/** Typed configuration, read once from the environment and validated at start. */
export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  /** Every Redis key this deployment writes starts with `<redisPrefix>:` (REDIS_PREFIX, else `casetrack:<database>`). */
  redisPrefix: string;
  /** Apply pending migrations when the service starts. */
  migrateOnStart: boolean;
  /** How long start-up waits for PostgreSQL (and Redis, for the worker) to answer before giving up. */
  startupWaitMs: number;
  bootstrapAdmin: { email: string; password: string } | null;
  accessTokenTtlSeconds: number;
  /** The console's cookie session (POST /v1/auth/session). */
  session: SessionConfig;
  /**
   * The console's built files (index.html and assets/); null: found beside the compiled app or in the repository's
   * dist/web. A missing directory is no error: the API runs and `/` says the console is not built.
   */
  consoleDirectory: string | null;
  /** Attempts at a raced append before answering 409. */
  appendRetries: number;
  /** How many cases' folded state the write path keeps (least recently written go first); 0 turns the cache off. */
  writeCacheCases: number;
  /** Projection lag beyond which /health says degraded: reads are then visibly behind what was written. */
  healthLagSeconds: number;
  /** Days an uploaded list (and the cells of its rejected rows) is kept before it is purged. */
  importRetentionDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body. */
  bodyLimit: string;
  /** Requests per minute per client address; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Browser origins allowed by CORS; empty (the default) means CORS stays closed. */
  corsOrigins: string[];
  /** Which proxies' X-Forwarded-For names the client address (TRUST_PROXY); false: the socket's peer. */
  trustProxy: TrustProxy;
  signIn: SignInConfig;
  /** Wraps every case's data key (32 bytes). Required outside tests. */
  masterKey: Buffer;
  /** What this process runs: the HTTP API, the projector, the reminder worker (all three by default; api and projector in tests). */
  roles: Role[];
  /**
   * Beside the API, the projector runs on a worker thread of its own (see projectorOnThread): its folding and writing
   * then never wait behind requests, nor requests behind them. Off in tests, whose many short-lived apps would each
   * pay the thread's start.
   */
  projectorThread: boolean;
  /** Where the event streams live: `postgres` (the DATABASE_URL database) or a KurrentDB cluster. */
  eventStore: EventStoreKind;
  /** KurrentDB connection string (`kurrentdb://...`, `esdb://...`); required when eventStore is `kurrentdb`. */
  kurrentDbConnectionString: string | null;
  reminders: RemindersConfig;
  delivery: DeliveryConfig;
}

/** The console's session: a server-side token in an httpOnly cookie, ended by idleness or age. */
export interface SessionConfig {
  /** The cookie is `Secure` (and named with the `__Host-` prefix): on by default in production only. */
  cookieSecure: boolean;
  /** A session unused this long ends. */
  idleSeconds: number;
  /** A session ends this long after sign-in, however used. */
  ttlSeconds: number;
}

/** When reminders fall due (derived from events by the projector) and how the worker role queues them. */
export interface RemindersConfig {
  /** Before a hearing's scheduledAt, longest first. */
  hearingOffsetsMs: number[];
  /** Before a preventive measure's `until`, longest first. */
  measureOffsetsMs: number[];
  /** How long a case may stay missing, or in custody without a lawyer, before coordinators are alerted. */
  escalationAfterMs: number;
  /**
   * The deadline rule sets (rules/<id>.json) whose deadlines drive reminders, in the order given; checked at start.
   * Empty: fixed offsets only.
   */
  ruleSets: string[];
  /** BullMQ queue name; its keys are `<redisPrefix>:<queue>:...`. */
  queue: string;
  /** Pending reminders due within this window are handed to BullMQ as delayed jobs. */
  dispatchHorizonMs: number;
  workerConcurrency: number;
  /** Delivery attempts before a reminder is marked failed; retries back off exponentially from `backoffMs`. */
  attempts: number;
  backoffMs: number;
}

/** How the worker delivers: SMTP and signed webhooks. */
export interface DeliveryConfig {
  smtpUrl: string;
  mailFrom: string;
  /** HMAC-SHA256 key of the X-Casetrack-Signature header. */
  webhookSecret: string;
  /** Allow webhooks to loopback and private addresses (tests, closed networks). */
  webhookAllowPrivate: boolean;
  /** Base of the case links in messages. */
  publicUrl: string;
  /** How a message names the detainee: by initials (default), or in full where the deployment decides so. */
  reminderDetail: 'initials' | 'full';
  /**
   * SMTP must upgrade to TLS (STARTTLS) unless this is set or the URL is smtps:. Outside production an offered
   * STARTTLS is still taken, and a server without it is used as it is.
   */
  smtpRequireTls: boolean;
}

export const ROLES = ['api', 'projector', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** Whether this process runs the projector on a thread of its own: only beside the API, whose requests it would slow. */
export function projectorOnThread(config: Pick<AppConfig, 'roles' | 'projectorThread'>): boolean {
  return config.projectorThread && config.roles.includes('projector') && config.roles.includes('api');
}

export const EVENT_STORES = ['postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORES)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and validates the configuration (secrets possibly from `<NAME>_FILE` files); throws one ConfigError listing
 * every problem.
 */
export function loadConfig(given: Env = process.env): AppConfig {
  const problems: string[] = [];
  const env = withSecretFiles(given, problems);
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

  const detail = env.REMINDER_DETAIL || 'initials';
  if (detail !== 'initials' && detail !== 'full')
    problems.push(`REMINDER_DETAIL must be initials or full (got "${detail}")`);
  const reminderDetail = detail === 'full' ? 'full' : 'initials';
  const smtpAllowPlain = boolean('SMTP_ALLOW_PLAIN', false);

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

  const roles: Role[] = [];
  // Tests run the worker only when they ask for it, so that other tests need no SMTP server.
  const defaultRoles = envName === 'test' ? 'api,projector' : ROLES.join(',');
  for (const raw of (env.ROLES || defaultRoles).split(',')) {
    const role = raw.trim();
    if (!(ROLES as readonly string[]).includes(role))
      problems.push(`ROLES must list some of ${ROLES.join(', ')} (got "${role}")`);
    else if (!roles.includes(role as Role)) roles.push(role as Role);
  }

  const durations = (name: string, fallback: string): number[] => {
    const parsed = parseDurationList(env[name] || fallback);
    if (parsed === null)
      problems.push(`${name} must be durations such as 72h,24h,2h (units s, m, h, d; got "${env[name]}")`);
    return parsed ?? (parseDurationList(fallback) as number[]);
  };
  const duration = (name: string, fallback: string): number => durations(name, fallback)[0];

  const webhookSecret = env.WEBHOOK_SECRET ?? (envName === 'production' ? '' : 'casetrack-development-webhook-secret');
  if (webhookSecret.length < 16 && (envName === 'production' ? roles.includes('worker') : true))
    problems.push('WEBHOOK_SECRET must have at least 16 characters (it is required in production for the worker)');
  const databaseUrl = url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/casetrack', ['postgres:', 'postgresql:']);
  const queue = env.REMINDER_QUEUE || 'reminders';
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(queue)) problems.push('REMINDER_QUEUE must be letters, digits, _ or -');

  const eventStore = (env.EVENT_STORE || 'postgres') as EventStoreKind;
  if (!EVENT_STORES.includes(eventStore)) problems.push(`EVENT_STORE must be one of ${EVENT_STORES.join(', ')}`);
  const kurrentDbConnectionString = env.KURRENTDB_CONNECTION_STRING?.trim() || null;
  if (eventStore === 'kurrentdb' && !kurrentDbConnectionString) {
    problems.push(
      'EVENT_STORE=kurrentdb needs KURRENTDB_CONNECTION_STRING (e.g. kurrentdb://kurrentdb:2113?tls=false)',
    );
  }
  if (kurrentDbConnectionString && !/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//.test(kurrentDbConnectionString)) {
    problems.push(
      'KURRENTDB_CONNECTION_STRING must be a kurrentdb:// (or kurrentdb+discover://, kurrent://, kdb://, esdb://) URL',
    );
  }

  const logLevel = (env.LOG_LEVEL ?? (envName === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const config: AppConfig = {
    env: envName,
    port: integer('PORT', 3000, 0, 65535),
    databaseUrl,
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: redisPrefix(env.REDIS_PREFIX, databaseUrl, problems),
    migrateOnStart: boolean('MIGRATE_ON_START', true),
    startupWaitMs: integer('STARTUP_WAIT_SECONDS', 180, 0, 86_400) * 1000,
    bootstrapAdmin,
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    session: {
      cookieSecure: boolean('SESSION_COOKIE_SECURE', envName === 'production'),
      idleSeconds: integer('SESSION_IDLE_SECONDS', 30 * 60, 60, 30 * 24 * 3600),
      ttlSeconds: integer('SESSION_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    },
    consoleDirectory: env.CONSOLE_DIR?.trim() || null,
    appendRetries: integer('APPEND_RETRIES', 10, 1, 100),
    writeCacheCases: integer('WRITE_CACHE_CASES', 1000, 0, 1_000_000),
    healthLagSeconds: integer('HEALTH_LAG_SECONDS', 60, 1, 86_400),
    importRetentionDays: integer('IMPORT_RETENTION_DAYS', 14, 1, 3650),
    logLevel,
    bodyLimit: env.BODY_LIMIT ?? '256kb',
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    trustProxy: readTrustProxy(env.TRUST_PROXY, problems),
    signIn: {
      requireSecondFactor: readRequireSecondFactor(env.REQUIRE_2FA, problems),
      accountFailuresPerHour: integer('LOGIN_FAILURES_PER_HOUR', 100, 1, 1_000_000),
    },
    masterKey: masterKey(env.MASTER_KEY, envName, problems),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    roles,
    projectorThread: boolean('PROJECTOR_THREAD', envName !== 'test'),
    eventStore,
    kurrentDbConnectionString,
    reminders: {
      hearingOffsetsMs: durations('HEARING_REMINDER_OFFSETS', '72h,24h,2h'),
      measureOffsetsMs: durations('MEASURE_REMINDER_OFFSETS', '7d,2d'),
      escalationAfterMs: duration('ESCALATION_AFTER', '24h'),
      ruleSets: ruleSetIds(env.RULE_SETS, problems),
      queue,
      dispatchHorizonMs: duration('REMINDER_DISPATCH_HORIZON', '10m'),
      workerConcurrency: integer('WORKER_CONCURRENCY', 10, 1, 1000),
      attempts: integer('REMINDER_ATTEMPTS', 8, 1, 50),
      backoffMs: duration('REMINDER_BACKOFF', '10s'),
    },
    delivery: {
      smtpUrl: url('SMTP_URL', 'smtp://127.0.0.1:1025', ['smtp:', 'smtps:']),
      mailFrom: env.MAIL_FROM || 'casetrack <reminders@casetrack.invalid>',
      webhookSecret,
      webhookAllowPrivate: boolean('WEBHOOK_ALLOW_PRIVATE', false),
      publicUrl: url('PUBLIC_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, ''),
      reminderDetail,
      smtpRequireTls: envName === 'production' && !smtpAllowPlain,
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

const RULE_SET_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** RULE_SETS: ids of files in rules/ (`kz,international`); `none` for fixed offsets only. The files are read at start. */
function ruleSetIds(raw: string | undefined, problems: string[]): string[] {
  const value = raw?.trim() || 'international';
  if (value === 'none') return [];
  const ids = value.split(',').map((id) => id.trim());
  const bad = ids.filter((id) => !RULE_SET_ID.test(id));
  if (bad.length) problems.push(`RULE_SETS must list rule set ids such as kz,international, or none (got "${raw}")`);
  if (new Set(ids).size !== ids.length) problems.push(`RULE_SETS names a rule set twice (got "${raw}")`);
  return bad.length ? [] : ids;
}

/** A fixed key for tests only: test databases hold invented data and are dropped after each run. */
const TEST_MASTER_KEY = Buffer.alloc(32, 7);

function masterKey(raw: string | undefined, envName: AppConfig['env'], problems: string[]): Buffer {
  if (!raw) {
    if (envName === 'test') return TEST_MASTER_KEY;
    problems.push('MASTER_KEY is required: 32 random bytes as 64 hex characters (e.g. `openssl rand -hex 32`)');
    return TEST_MASTER_KEY;
  }
  const trimmed = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) problems.push('MASTER_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
