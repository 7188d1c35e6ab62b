import { Pool, type PoolClient } from 'pg';

export interface PoolOptions {
  max: number;
  /** Told when an idle connection dies (server restart, idle timeout, administrator). */
  logger?: { warn(fields: object, message: string): void };
}

/**
 * A pg pool that survives the server dropping an idle connection. pg-pool discards such a client and then emits
 * 'error' on the pool; with no listener that event crashes the process. The next query just opens a new connection.
 */
export function createPool(connectionString: string, options: PoolOptions): Pool {
  const pool = new Pool({ connectionString, max: options.max });
  pool.on('error', (error: Error) => options.logger?.warn({ err: error.message }, 'idle database connection lost'));
  return pool;
}

/**
 * Runs `work` on one connection inside a transaction: COMMIT when it resolves, ROLLBACK when it throws. A connection
 * whose ROLLBACK may not have gone through is discarded rather than handed back to the pool mid-transaction.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = true;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failed ? true : undefined);
  }
}
