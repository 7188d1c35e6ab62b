/**
 * A failed delivery with a code that is safe to store and show (`last_error`): never the message, an address or a
 * server's reply text. `permanent` failures are not retried (no channel, a forbidden webhook address, a 4xx answer).
 */
export class DeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(code);
    this.name = 'DeliveryError';
  }
}

/** The stored code for any error: ours as is, anything else by its kind only. */
export function errorCode(error: unknown): string {
  if (error instanceof DeliveryError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'DELIVERY_ERROR';
}
