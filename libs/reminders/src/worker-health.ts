import type { PeriodicRun } from './dispatch/periodic';

/** `down` answers 503: the orchestrator should restart the worker. `degraded` answers 200: it recovers by itself. */
export type WorkerHealthStatus = 'ok' | 'degraded' | 'down';

export interface WorkerHealth {
  status: WorkerHealthStatus;
  checks: {
    worker: {
      status: 'up' | 'degraded' | 'down';
      /** BullMQ's fetch loop runs. */
      running: boolean;
      /** The dispatcher's plain Redis connection is ready. */
      redis: 'up' | 'down';
      dispatch: {
        /** Whole seconds since the last dispatch round ended; null before the first has. */
        lastEndedSecondsAgo: number | null;
        /** The last round failed (PostgreSQL or Redis away); the loop retries with growing pauses. */
        failing: boolean;
      };
    };
  };
}

export interface WorkerProbe {
  /** When the role started (epoch ms). */
  startedAt: number;
  running: boolean;
  redisReady: boolean;
  lastDispatch: PeriodicRun | null;
}

/**
 * A dispatch round ends within seconds (queries time out after 5 s), then waits at most 15 s while failing: a loop
 * with no round ended for a minute is stuck, even though the process still answers.
 */
export const DISPATCH_STALL_MS = 60_000;

/**
 * Whether the worker process is alive and working, from what it can see of itself: its BullMQ loop running, its
 * dispatch loop still completing rounds, its Redis connection. No error text: it names hosts.
 */
export function workerHealth(probe: WorkerProbe, now: number, stallMs = DISPATCH_STALL_MS): WorkerHealth {
  const lastEndedAt = probe.lastDispatch?.endedAt ?? null;
  const stalled = now - (lastEndedAt ?? probe.startedAt) > stallMs;
  const failing = probe.lastDispatch?.failed ?? false;
  const status: WorkerHealthStatus =
    !probe.running || stalled ? 'down' : failing || !probe.redisReady ? 'degraded' : 'ok';
  return {
    status,
    checks: {
      worker: {
        status: status === 'ok' ? 'up' : status,
        running: probe.running,
        redis: probe.redisReady ? 'up' : 'down',
        dispatch: {
          lastEndedSecondsAgo: lastEndedAt === null ? null : Math.max(0, Math.floor((now - lastEndedAt) / 1000)),
          failing,
        },
      },
    },
  };
}
