import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from '@casetrack/config';
import { isDatabaseUnavailable } from '@casetrack/event-store';
import { ApiException } from './api-exception';
import { TooDeepError, tooDeep } from './hostile-input';
import { LOGGER } from './logger.provider';

const DEFAULT_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONCURRENCY_CONFLICT',
  412: 'VERSION_MISMATCH',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: unknown[];
}

/** Express body-parser errors carry a `type` and a `status`; they arrive before any DTO validation. */
interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number'
  );
}

/**
 * PostgreSQL is down, restarting or unreachable: the same request may succeed in a moment, and clients recover by
 * themselves. A write whose connection was lost may or may not have been recorded; repeated with the same
 * Idempotency-Key it is recorded once and answers as the first time.
 */
const DATABASE_UNAVAILABLE: { body: ErrorBody; headers: Record<string, string> } = {
  body: {
    statusCode: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: 'The database is unavailable; try again shortly (with the same Idempotency-Key, a write is recorded once)',
    details: [],
  },
  headers: { 'Retry-After': '5' },
};

/** The only place that builds an error body. Anything unexpected becomes a 500 without internals. */
@Catch()
export class ErrorBodyFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const { body, headers } = this.toBody(error);
    if (body === DATABASE_UNAVAILABLE.body) {
      // Expected while PostgreSQL restarts, once per request: a line without a stack, not an error to investigate.
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error), path: request.route?.path ?? 'unmatched' },
        'request refused: database unavailable',
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(
        {
          err:
            error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
          method: request.method,
          path: request.route?.path ?? 'unmatched',
        },
        'request failed',
      );
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): { body: ErrorBody; headers: Record<string, string> } {
    // The JSON parser's verify hook refused the body; Express hands it on wrapped in an HttpException.
    if (error instanceof HttpException && error.cause instanceof TooDeepError) return this.toBody(tooDeep());
    if (error instanceof ApiException) {
      return {
        body: { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details },
        headers: error.headers,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return {
        body: {
          statusCode: status,
          code: codeOf(error) ?? DEFAULT_CODES[status] ?? 'HTTP_ERROR',
          message: messageOf(error),
          details: [],
        },
        headers: {},
      };
    }
    if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
      if (error.type === 'entity.parse.failed') {
        return {
          body: {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: 'The request body is not valid JSON',
            details: [{ field: '', message: 'malformed JSON' }],
          },
          headers: {},
        };
      }
      if (error.type === 'entity.too.large') {
        return {
          body: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large', details: [] },
          headers: {},
        };
      }
      return {
        body: {
          statusCode: error.status,
          code: DEFAULT_CODES[error.status] ?? 'BAD_REQUEST',
          message: 'The request body could not be read',
          details: [],
        },
        headers: {},
      };
    }
    if (isDatabaseUnavailable(error)) return DATABASE_UNAVAILABLE;
    return {
      body: {
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on our side; nothing was recorded twice',
        details: [],
      },
      headers: {},
    };
  }
}

/** Guards in the libraries cannot throw ApiException; they name their stable code in the response, `{code, message}`. */
function codeOf(error: HttpException): string | undefined {
  const response = error.getResponse();
  const code = typeof response === 'object' && response !== null ? (response as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : undefined;
}

function messageOf(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : error.message;
}
