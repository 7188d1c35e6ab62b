import { RACED, type Raced, retryRacedAppends } from './append-retries';

type Answer = { kind: 'done'; attempt: number } | Raced;

/** An attempt that loses the race `losses` times, then answers; it counts its calls and the pauses between them. */
function racing(losses: number): { attempt: () => Promise<Answer>; calls: () => number } {
  let calls = 0;
  return {
    attempt: async () => {
      calls += 1;
      return calls <= losses ? RACED : { kind: 'done', attempt: calls };
    },
    calls: () => calls,
  };
}

describe('retryRacedAppends', () => {
  let pauses: number[];
  const pause = async (attempt: number): Promise<void> => {
    pauses.push(attempt);
  };

  beforeEach(() => {
    pauses = [];
  });

  it('returns the first answer that did not lose the race, without pausing when there was none', async () => {
    const racer = racing(0);
    expect(await retryRacedAppends(racer.attempt, { attempts: 5, pause })).toEqual({ kind: 'done', attempt: 1 });
    expect(racer.calls()).toBe(1);
    expect(pauses).toEqual([]);
  });

  it('tries again after a lost race, pausing between attempts', async () => {
    const racer = racing(2);
    expect(await retryRacedAppends(racer.attempt, { attempts: 5, pause })).toEqual({ kind: 'done', attempt: 3 });
    expect(racer.calls()).toBe(3);
    expect(pauses).toEqual([1, 2]);
  });

  it('answers conflict after retries once every attempt lost, and does not pause after the last', async () => {
    const racer = racing(10);
    expect(await retryRacedAppends(racer.attempt, { attempts: 3, pause })).toEqual({ kind: 'conflict_after_retries' });
    expect(racer.calls()).toBe(3);
    expect(pauses).toEqual([1, 2]);
  });

  it('wins on the last attempt allowed', async () => {
    const racer = racing(2);
    expect(await retryRacedAppends(racer.attempt, { attempts: 3, pause })).toEqual({ kind: 'done', attempt: 3 });
  });

  it('passes any other answer on at once: a refusal is not retried', async () => {
    let calls = 0;
    const refused = async (): Promise<{ kind: 'refused'; code: string } | Raced> => {
      calls += 1;
      return { kind: 'refused', code: 'CASE_CLOSED' };
    };
    expect(await retryRacedAppends(refused, { attempts: 5, pause })).toEqual({ kind: 'refused', code: 'CASE_CLOSED' });
    expect(calls).toBe(1);
  });

  it('lets an error of the attempt through without trying again', async () => {
    let calls = 0;
    const failing = async (): Promise<Answer> => {
      calls += 1;
      throw new Error('connection lost');
    };
    await expect(retryRacedAppends(failing, { attempts: 5, pause })).rejects.toThrow('connection lost');
    expect(calls).toBe(1);
    expect(pauses).toEqual([]);
  });
});
