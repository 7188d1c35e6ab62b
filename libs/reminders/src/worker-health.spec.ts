import { DISPATCH_STALL_MS, type WorkerProbe, workerHealth } from './worker-health';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const healthy: WorkerProbe = {
  startedAt: NOW - 600_000,
  running: true,
  redisReady: true,
  lastDispatch: { endedAt: NOW - 1_500, failed: false },
};

describe('worker health', () => {
  it('is ok while BullMQ runs, Redis is ready and dispatch rounds keep ending', () => {
    expect(workerHealth(healthy, NOW)).toEqual({
      status: 'ok',
      checks: {
        worker: {
          status: 'up',
          running: true,
          redis: 'up',
          dispatch: { lastEndedSecondsAgo: 1, failing: false },
        },
      },
    });
  });

  it('is degraded, not down, while Redis or PostgreSQL is away: the worker recovers by itself', () => {
    expect(workerHealth({ ...healthy, redisReady: false }, NOW)).toMatchObject({
      status: 'degraded',
      checks: { worker: { status: 'degraded', redis: 'down' } },
    });
    expect(workerHealth({ ...healthy, lastDispatch: { endedAt: NOW, failed: true } }, NOW)).toMatchObject({
      status: 'degraded',
      checks: { worker: { dispatch: { failing: true } } },
    });
  });

  it('is down when BullMQ stopped fetching jobs', () => {
    expect(workerHealth({ ...healthy, running: false }, NOW).status).toBe('down');
  });

  it('is down when no dispatch round has ended within the stall limit: the loop is stuck', () => {
    const stuck = { ...healthy, lastDispatch: { endedAt: NOW - DISPATCH_STALL_MS - 1, failed: false } };
    expect(workerHealth(stuck, NOW).status).toBe('down');
    expect(
      workerHealth({ ...stuck, lastDispatch: { endedAt: NOW - DISPATCH_STALL_MS, failed: false } }, NOW).status,
    ).toBe('ok');
  });

  it('gives a starting worker until the stall limit for its first round', () => {
    const starting = { ...healthy, startedAt: NOW - 2_000, lastDispatch: null };
    expect(workerHealth(starting, NOW)).toMatchObject({
      status: 'ok',
      checks: { worker: { dispatch: { lastEndedSecondsAgo: null } } },
    });
    expect(workerHealth({ ...starting, startedAt: NOW - DISPATCH_STALL_MS - 1 }, NOW).status).toBe('down');
  });
});
