import { createHash } from 'node:crypto';

/** Segments of letters, digits, `_`, `.` or `-`, joined by single colons: no glob characters, no empty segment. */
const PREFIX = /^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)*$/;
const MAX_LENGTH = 100;
const SAFE_NAME = /^[A-Za-z0-9_.-]{1,60}$/;

/**
 * Where this deployment's keys live in Redis: every key it writes starts with `<prefix>:` (BullMQ's included), so
 * deployments sharing one Redis never see each other's jobs. REDIS_PREFIX when set; else `casetrack:<database>`, the
 * database of DATABASE_URL, which differs between deployments that share a PostgreSQL server too.
 */
export function redisPrefix(raw: string | undefined, databaseUrl: string, problems: string[]): string {
  const given = raw?.trim();
  if (given) {
    if (given.length > MAX_LENGTH || !PREFIX.test(given))
      problems.push(
        `REDIS_PREFIX must be at most ${MAX_LENGTH} letters, digits, _, . or -, in segments joined by single colons ` +
          `(e.g. casetrack:ngo-east; got "${given}")`,
      );
    return given;
  }
  return `casetrack:${keySafe(databaseName(databaseUrl))}`;
}

/** The database a PostgreSQL URL names; libpq's default (the user's name) when it names none. */
function databaseName(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return decodeURIComponent(url.pathname.replace(/^\//, '')) || decodeURIComponent(url.username) || 'postgres';
  } catch {
    // An invalid DATABASE_URL is reported by its own check.
    return 'postgres';
  }
}

/**
 * The name as is when it is already safe in a key; otherwise its safe characters and a hash of the whole name, so
 * that two names differing only in unsafe characters still get different prefixes.
 */
function keySafe(name: string): string {
  if (SAFE_NAME.test(name)) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  const readable = name.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40);
  return `${readable}-${hash}`;
}
