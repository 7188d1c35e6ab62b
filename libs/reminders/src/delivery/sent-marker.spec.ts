import type { Pool } from 'pg';
import { SentMarker } from './sent-marker';

/** A pool whose UPDATE fails with each of `failures` in turn, then succeeds; it counts the statements. */
function flakyPool(failures: Error[]): { pool: Pool; statements: () => number } {
  let calls = 0;
  const pool = {
    query: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return { rowCount: 1, rows: [] };
    },
  };
  return { pool: pool as unknown as Pool, statements: () => calls };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const restarting = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

describe('SentMarker', () => {
  it('waits out a database restart: the delivery is recorded, not failed (a failed job would send it again)', async () => {
    const { pool, statements } = flakyPool([refused, restarting, refused]);
    const marker = new SentMarker(pool, 0, 500, 1);
    await expect(marker.mark('r1', new Date(), 1, ['email'])).resolves.toBeUndefined();
    expect(statements()).toBe(4);
  });

  it('fails the delivery at once on any other error', async () => {
    const wrong = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
    const { pool, statements } = flakyPool([wrong]);
    const marker = new SentMarker(pool, 0, 500, 1);
    await expect(marker.mark('not-a-uuid', new Date(), 1, ['email'])).rejects.toBe(wrong);
    expect(statements()).toBe(1);
  });
});
