import { createLogger } from './logger';
import { waitUntilAvailable } from './wait-until-available';

function capturedLogger(): { lines: Array<Record<string, unknown>>; logger: ReturnType<typeof createLogger> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', 'test', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, logger };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const retryable = (error: unknown): boolean => error === refused;

describe('waitUntilAvailable', () => {
  it('retries what is worth waiting for, with growing pauses, and says what it waits for', async () => {
    const { lines, logger } = capturedLogger();
    let calls = 0;
    const result = await waitUntilAvailable(
      async () => {
        calls++;
        if (calls < 4) throw refused;
        return 'up';
      },
      { dependency: 'PostgreSQL', deadlineMs: 10_000, retryable, logger, initialDelayMs: 1, maxDelayMs: 3 },
    );
    expect(result).toBe('up');
    const waits = lines.filter((line) => line.msg === 'waiting for PostgreSQL');
    expect(waits.map((line) => line.retryInMs)).toEqual([1, 2, 3]);
    expect(waits[0]).toMatchObject({ dependency: 'PostgreSQL', tries: 1, err: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(lines.some((line) => line.msg === 'PostgreSQL is available')).toBe(true);
  });

  it.each([
    ['fails at once on an error that waiting does not cure', new Error('password authentication failed'), 10_000],
    ['gives up with the last error once the deadline would pass', refused, 0],
  ])('%s', async (_what, error, deadlineMs) => {
    let calls = 0;
    const waiting = waitUntilAvailable(
      async () => {
        calls++;
        throw error;
      },
      { dependency: 'PostgreSQL', deadlineMs, retryable, logger: capturedLogger().logger, initialDelayMs: 1 },
    );
    await expect(waiting).rejects.toBe(error);
    expect(calls).toBe(1);
  });
});
