import type { ConflictAfterRetries, NotFound, Refused, VersionMismatch } from './command-outcome';

/** What a successful write answers: the case's id, version and position, and fields of its own (the new hearingId). */
export interface CaseWriteAnswer {
  caseId: string;
  version: number;
  position: number;
  [field: string]: unknown;
}

/**
 * The first answer to a write, as the idempotency layer stores it and replays it for repeats of the same request:
 * the appended answer, or a refusal that repeating the request would not change by itself.
 */
export type FirstAnswer = { kind: 'appended'; answer: CaseWriteAnswer } | Refused | NotFound | VersionMismatch;

/** The Idempotency-Key was first used for another request (another body or route): nothing was done. */
export interface KeyReused {
  kind: 'key_reused';
}

export type WriteResult = FirstAnswer | ConflictAfterRetries | KeyReused;

/** What a write route returns; the write outcome interceptor alone turns it into HTTP. */
export class WriteOutcome {
  constructor(
    readonly result: WriteResult,
    /** The first answer to an earlier request, given again: nothing was appended this time. */
    readonly replayed: boolean,
  ) {}
}
