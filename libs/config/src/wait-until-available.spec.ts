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

  it('fails at once on an error that waiting does not cure', async () => {
    const { logger } = capturedLogger();
    const wrongPassword = new Error('password authentication failed for user "casetrack"');
    let calls = 0;
    const waiting = waitUntilAvailable(
      async () => {
        calls++;
        throw wrongPassword;
      },
      { dependency: 'PostgreSQL', deadlineMs: 10_000, retryable, logger, initialDelayMs: 1 },
    );
    await expect(waiting).rejects.toBe(wrongPassword);
    expect(calls).toBe(1);
  });

  it('gives up with the last error once the deadline would pass', async () => {
    const { logger } = capturedLogger();
    let calls = 0;
    const waiting = waitUntilAvailable(
      async () => {
        calls++;
        throw refused;
      },
      { dependency: 'Redis', deadlineMs: 0, retryable, logger, initialDelayMs: 1 },
    );
    await expect(waiting).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
});
