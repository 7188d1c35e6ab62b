import type { ErrorBody, FieldProblem, VersionMismatch } from './types';

/** An answer that is not a success, with the contract's error body (or one made up when the body is not one). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.code);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }
}

/**
 * A request that never got an answer (offline, connection reset): safe to retry with the same Idempotency-Key.
 * `notKept`: a write that could not go to this device's outbox either – no offline vault here, or it is locked.
 */
export class NetworkError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly notKept?: 'absent' | 'locked',
  ) {
    super('NETWORK');
    this.name = 'NetworkError';
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    value !== null &&
    typeof value === 'object' &&
    'code' in value &&
    typeof value.code === 'string' &&
    'statusCode' in value &&
    typeof value.statusCode === 'number'
  );
}

export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, { ...body, details: body.details ?? [] });
  return new ApiError(status, { statusCode: status, code: `HTTP_${status}`, message: '', details: [] });
}

function isFieldProblem(detail: FieldProblem | VersionMismatch): detail is FieldProblem {
  return 'field' in detail;
}

/** The API's `details` as field → message, to show on the form's fields (`detainee.fullName`). */
export function fieldErrors(error: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const detail of error.body.details) {
    if (isFieldProblem(detail) && out[detail.field] === undefined) out[detail.field] = detail.message;
  }
  return out;
}

/** The versions of a 412: what the person was looking at and what the case is at now. */
export function versionMismatch(error: ApiError): VersionMismatch | null {
  if (error.status !== 412) return null;
  const detail = error.body.details.find((d): d is VersionMismatch => 'expectedVersion' in d);
  return detail ?? null;
}
