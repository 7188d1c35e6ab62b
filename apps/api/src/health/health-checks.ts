import { type ProjectorLag, type ProjectorTrouble, projectorTroubles } from '@casetrack/read-model';

export interface Check {
  status: 'up' | 'down' | 'degraded';
  latencyMs: number;
  error?: string;
}

export async function check(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/** The reminder queue's states an admin watches. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueCounts = Record<(typeof QUEUE_STATES)[number], number>;

export type HealthReason = 'DATABASE_DOWN' | 'EVENT_STORE_DOWN' | 'REDIS_DOWN' | ProjectorTrouble;

export interface HealthVerdict {
  status: 'ok' | 'degraded' | 'down';
  reasons: HealthReason[];
  checks: { database: Check; eventStore: Check; redis: Check; projector: Check };
}

/**
 * Down without the database or the event store (nothing can be written). Degraded when Redis is down (reminders
 * wait; writes go on), when the read models lag beyond `lagLimitSeconds` (reads with X-Min-Position are refused and
 * lists are visibly behind) or when events are quarantined (some cases are not current).
 */
export function judgeHealth(
  checks: HealthVerdict['checks'],
  lag: ProjectorLag | null,
  lagLimitSeconds: number,
): HealthVerdict {
  const reasons: HealthReason[] = [];
  if (checks.database.status === 'down') reasons.push('DATABASE_DOWN');
  if (checks.eventStore.status === 'down') reasons.push('EVENT_STORE_DOWN');
  if (checks.redis.status === 'down') reasons.push('REDIS_DOWN');
  const troubles = lag === null ? [] : projectorTroubles(lag, lagLimitSeconds);
  reasons.push(...troubles);
  const projector: Check =
    checks.projector.status === 'up' && troubles.length > 0
      ? { ...checks.projector, status: 'degraded' }
      : checks.projector;
  const down = checks.database.status === 'down' || checks.eventStore.status === 'down';
  const degraded = reasons.length > 0 || projector.status !== 'up';
  return {
    status: down ? 'down' : degraded ? 'degraded' : 'ok',
    reasons,
    checks: { ...checks, projector },
  };
}
