import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiResponse,
  type ContentObject,
  type HeaderObject,
} from '@nestjs/swagger';
import { ApiErrors, type ErrorAnswer } from './error-body';

/** The name of the bearer security scheme in the document. */
export const BEARER = 'bearer';

/** The name of the console's cookie-session security scheme in the document. */
export const SESSION = 'session';

export interface RouteDoc {
  /** Stable and readable (`recordDetention`, `listCases`): generated clients name their functions after it. */
  operationId: string;
  summary: string;
  description?: string;
  /** Path parameters that are ids (UUIDs; any other value names nothing: 404). */
  ids?: string[];
  /** The success answer: its status (200 unless said), body (a schema class, or content by media type), headers. */
  answer: {
    status?: number;
    type?: Type;
    content?: ContentObject;
    description: string;
    headers?: Record<string, HeaderObject>;
  };
  /** Schema classes the answer refers to by name only (in a oneOf, or in content). */
  models?: Type[];
  /** Error answers this route adds to (or words more precisely than) its controller's. */
  errors?: ErrorAnswer[];
}

/** One route's documentation: operation, id parameters, success answer and the errors it may answer. */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  const { status = 200, type, content, description, headers } = doc.answer;
  return applyDecorators(
    ApiOperation({
      operationId: doc.operationId,
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
    }),
    ...(doc.ids ?? []).map((name) => ApiParam({ name, type: String, format: 'uuid' })),
    ApiResponse({ status, description, ...(type ? { type } : {}), ...(content ? { content } : {}), headers }),
    ...(doc.models?.length ? [ApiExtraModels(...doc.models)] : []),
    ApiErrors(...(doc.errors ?? [])),
  );
}

/**
 * Routes that need a bearer token or the console's session cookie, and the errors any of them may answer: 400 (every
 * query string and body is checked), 401, 403 (a role, a missing second factor, a cookie write without its CSRF
 * header), 429 and 503.
 */
export function SignedInRoutes(): ClassDecorator & MethodDecorator {
  return applyDecorators(ApiBearerAuth(BEARER), ApiCookieAuth(SESSION), ApiErrors(400, 401, 403, 429, 503));
}

/** A route open without a token (the document's default is the bearer token). */
export function PublicRoute(): MethodDecorator {
  return ApiOperation({ security: [] });
}
