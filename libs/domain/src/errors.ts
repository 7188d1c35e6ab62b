/**
 * Stable codes of the domain rules. The HTTP layer answers each with 422 and the code as is,
 * so clients can rely on them; never rename one.
 */
export const DOMAIN_ERROR_CODES = [
  'CASE_NOT_FOUND',
  'CASE_ALREADY_EXISTS',
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'OCCURRED_IN_FUTURE',
  'DETAINEE_DECEASED',
  'ALREADY_DECEASED',
  'NOT_IN_CUSTODY',
  'ALREADY_RELEASED',
  'NOT_A_LAWYER',
  'LAWYER_ALREADY_ASSIGNED',
  'LAWYER_NOT_ASSIGNED',
  'CHARGE_NOT_FOUND',
  'CHARGE_NOT_ACTIVE',
  'HEARING_NOT_FOUND',
  'HEARING_NOT_SCHEDULED',
  'HEARING_ALREADY_HELD',
  'HEARING_CANCELLED',
  'NO_ACTIVE_MEASURE',
  'MEASURE_END_BEFORE_START',
  'INVALID_PERIOD',
  'ALLEGATION_NOT_FOUND',
  'COMPLAINT_NOT_FOUND',
  'COMPLAINT_NOT_OPEN',
  'VERDICT_ALREADY_DELIVERED',
  'EVENT_NOT_IN_CASE',
  'EVENT_ALREADY_RETRACTED',
  'EVENT_NOT_RETRACTABLE',
  'CASE_ALREADY_ERASED',
  // Added with the deciders.
  'CHARGE_ALREADY_EXISTS',
  'HEARING_ALREADY_EXISTS',
  'ALLEGATION_ALREADY_EXISTS',
  'COMPLAINT_ALREADY_EXISTS',
  'EXTENSION_NOT_LATER',
  'METHODS_REQUIRED',
  // Links between cases.
  'LINK_TO_ITSELF',
  'LINKED_CASE_NOT_FOUND',
  'LINK_ALREADY_EXISTS',
  // Merges of duplicate cases.
  'CASE_MERGED',
  'MERGE_INTO_ITSELF',
  'MERGE_TARGET_NOT_FOUND',
  'MERGE_TARGET_MERGED',
  'DUPLICATE_ALREADY_MERGED',
  'IDENTITY_EMPTY',
  // Decisions at a hearing.
  'POSTPONED_NOT_HELD',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A broken domain rule. Returned (not thrown) by deciders. */
export interface DomainError {
  readonly kind: 'DomainError';
  readonly code: DomainErrorCode;
  readonly message: string;
}

export function domainError(code: DomainErrorCode, message: string): DomainError {
  return { kind: 'DomainError', code, message };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}
