import { type ClientBase, Pool, type PoolClient } from 'pg';

export interface PoolOptions {
  max: number;
  /** Told when an idle connection dies (server restart, idle timeout, administrator). */
  logger?: { warn(fields: object, message: string): void };
  /** How long a checkout waits for a new connection before failing. Default 5 s. */
  connectTimeoutMs?: number;
}

/**
 * Without a limit a checkout towards an unreachable host waits as long as the kernel keeps trying (minutes), and every
 * request waits with it; with one it fails, and the API answers 503 at once.
 */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A pg pool that survives the server dropping an idle connection. pg-pool discards such a client and then emits
 * 'error' on the pool; with no listener that event crashes the process. The next query just opens a new connection.
 * `pool.query` guards the client it checks out; a client taken with `pool.connect()` must be held through
 * `withClient` (or `inTransaction`), which guards it the same way.
 */
export function createPool(connectionString: string, options: PoolOptions): Pool {
  const pool = new Pool({
    connectionString,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
  });
  pool.on('error', (error: Error) => options.logger?.warn({ err: error.message }, 'idle database connection lost'));
  return pool;
}

/**
 * Runs `work` on one connection of the pool. While the connection is checked out it carries an 'error' listener: a
 * connection lost between two queries (a database restart) emits 'error' on the client, which with no listener ends
 * the process. The lost connection is handed back with its error so that the pool discards it, and so is one whose
 * work failed, since it may be left in a state (an open transaction, a session setting) the next user must not see.
 */
export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | null = null;
  const onError = (error: Error): void => {
    lost = error;
  };
  client.on('error', onError);
  let failed = false;
  try {
    return await work(client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.off('error', onError);
    client.release(lost ?? (failed ? true : undefined));
  }
}

/**
 * Runs `work` on one connection inside a transaction: COMMIT when it resolves, ROLLBACK when it throws. A connection
 * whose ROLLBACK may not have gone through is discarded rather than handed back to the pool mid-transaction.
 */
export function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  return withClient(pool, (client) => inClientTransaction(client, () => work(client), begin));
}

/**
 * Runs `work` inside a transaction on a connection the caller holds (a projector's own writer, say): COMMIT when it
 * resolves, ROLLBACK when it throws.
 */
export async function inClientTransaction<T>(client: ClientBase, work: () => Promise<T>, begin = 'BEGIN'): Promise<T> {
  await client.query(begin);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
