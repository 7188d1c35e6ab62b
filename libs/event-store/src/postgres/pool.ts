import { Pool } from 'pg';

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
