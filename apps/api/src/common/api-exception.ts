/** One field that failed validation, with its dotted path in the request body. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An error with a stable code and HTTP status. Only the exception filter turns it into a response body,
 * so every error the API answers has the contract's shape.
 */
export class ApiException extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiException';
  }

  static validation(details: FieldProblem[], message = 'The request is not valid'): ApiException {
    return new ApiException(400, 'VALIDATION_FAILED', message, details);
  }

  static notFound(message = 'Not found'): ApiException {
    return new ApiException(404, 'NOT_FOUND', message);
  }
}
