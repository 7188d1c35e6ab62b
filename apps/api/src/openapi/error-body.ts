import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';

@ApiSchema({ name: 'FieldProblem', description: 'One field that failed validation (400)' })
export class FieldProblemSchema {
  @ApiProperty({ description: 'Dotted path in the body (`detainee.fullName`), a query parameter or a header name' })
  field!: string;

  @ApiProperty()
  message!: string;
}

@ApiSchema({ name: 'VersionMismatch', description: 'The version asked for with If-Match, and the case’s (412)' })
export class VersionMismatchSchema {
  @ApiProperty({ type: 'integer' })
  expectedVersion!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null when the case does not exist' })
  actualVersion!: number | null;
}

@ApiSchema({ name: 'ErrorBody', description: 'Every error answer has this body (contract: Errors)' })
@ApiExtraModels(FieldProblemSchema, VersionMismatchSchema)
export class ErrorBodySchema {
  @ApiProperty({ type: 'integer', example: 422, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({ example: 'HEARING_ALREADY_HELD', description: 'A stable code a client can act on' })
  code!: string;

  @ApiProperty({ example: 'The hearing already has an outcome', description: 'A human sentence' })
  message!: string;

  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(FieldProblemSchema) }, { $ref: getSchemaPath(VersionMismatchSchema) }] },
    description: 'The fields that failed (400), both versions (412); otherwise empty',
  })
  details!: Array<FieldProblemSchema | VersionMismatchSchema>;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 503;

/** What each status means anywhere in this API; a route names its own codes when it has more precise ones. */
const MEANINGS: Record<ErrorStatus, string> = {
  400:
    'VALIDATION_FAILED: a body field, query parameter or header is not valid or not known (details name them), ' +
    'or the body is not JSON, is nested too deep, or holds NUL or unpaired surrogates',
  401: 'UNAUTHENTICATED: no bearer token or session cookie, or one that is unknown, expired or revoked',
  403:
    'FORBIDDEN: the caller’s role may never do this; SECOND_FACTOR_ENROLMENT_REQUIRED: the deployment requires a ' +
    'second factor for the role and the account has none yet; CSRF_TOKEN_INVALID: a change made with the session ' +
    'cookie lacks the X-CSRF-Token header of its session, or carries a wrong one',
  404: 'NOT_FOUND: no such item, or a case the caller may not see',
  409: 'CONCURRENCY_CONFLICT: other writes to the case kept racing this one (retries exhausted); send it again',
  412: 'VERSION_MISMATCH: the case is not at the If-Match version (details hold both)',
  413: 'PAYLOAD_TOO_LARGE: the body or the uploaded file is larger than the route accepts',
  415: 'UNSUPPORTED_MEDIA_TYPE: the body or the uploaded file is not of a type the route reads',
  422: 'A rule refused the request; code names the rule',
  429: 'RATE_LIMITED: too many requests from this address; Retry-After says when to try again',
  503: 'SERVICE_UNAVAILABLE: the database is unavailable; Retry-After says when to try again',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
};

/** One error answer: a status with its default meaning, or with what it means here (and its own body schema). */
export type ErrorAnswer = ErrorStatus | [ErrorStatus, string] | [ErrorStatus, string, Type<ErrorBodySchema>];

/** The error answers of a route or of every route of a controller, each with the shared error body. */
export function ApiErrors(...answers: ErrorAnswer[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...answers.map((answer) => {
      const [status, description, type]: [ErrorStatus, string?, Type<ErrorBodySchema>?] = Array.isArray(answer)
        ? answer
        : [answer];

      return ApiResponse({
        status,
        description: description ?? MEANINGS[status],
        type: type ?? ErrorBodySchema,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      });
    }),
  );
}
