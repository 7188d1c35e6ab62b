import type { DomainErrorCode } from '@casetrack/domain';

/** The command's events are in the case stream. */
export interface Appended {
  kind: 'appended';
  caseId: string;
  /** The case stream's version after the write. */
  version: number;
  /** Global position of the last event written. */
  position: number;
  /** True when the events were already in the stream (a retried idempotent request): nothing was appended. */
  alreadyRecorded: boolean;
}

/** A domain rule refused the command; nothing was appended. */
export interface Refused {
  kind: 'refused';
  code: DomainErrorCode;
  message: string;
}

/** No such case, or one the caller may not see: the two answer alike, so neither tells the other apart. */
export interface NotFound {
  kind: 'not_found';
}

/** The caller expected another version of the case (If-Match); `actual` is null when the store could not say. */
export interface VersionMismatch {
  kind: 'version_mismatch';
  expected: number;
  actual: number | null;
}

/** Other writers kept appending to the case between every attempt's read and its append. */
export interface ConflictAfterRetries {
  kind: 'conflict_after_retries';
}

/** What executing one command against a case came to. Nothing here knows HTTP: the API maps it in one place. */
export type CaseCommandOutcome = Appended | Refused | NotFound | VersionMismatch | ConflictAfterRetries;
