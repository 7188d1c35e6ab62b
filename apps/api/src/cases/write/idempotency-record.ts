import type { FirstAnswer } from './write-outcome';

/**
 * A row of `idempotency_keys` as the write path reads it: the first answer to a write sent with an Idempotency-Key,
 * replayed for repeats of the same request. Rows hold `outcome`; rows written before migration 1764000001100 hold the
 * HTTP status and body they answered instead, and are read as they are (stored-answer.ts), never rewritten.
 */
export interface IdempotencyRecord {
  requestHash: string;
  outcome: FirstAnswer | null;
  statusCode: number | null;
  response: Record<string, unknown> | null;
}
