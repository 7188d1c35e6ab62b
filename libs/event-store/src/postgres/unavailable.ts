/** Socket errors of a server that is down, restarting or unreachable (Node's `code`). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not yet accepting: admin_shutdown (57P01, what `-m immediate` and `fast` send),
 * crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections. Class 08 is matched whole.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** pg and pg-pool raise these without a code when the socket closes under them or a connection cannot be had. */
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Query read timeout$/,
];

/**
 * True when `error` says PostgreSQL could not be reached or the connection was lost, rather than that the statement
 * was wrong: the request may succeed once the database is back, so it is a 503 to retry, not a 500. Looks through
 * TypeORM's `driverError`, an error's `cause`, and the attempts of an AggregateError (one per address tried).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
    return true;
  }
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) {
    return true;
  }
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}
