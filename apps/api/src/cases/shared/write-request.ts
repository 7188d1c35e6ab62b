import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { ImportedFrom } from '@casetrack/event-store';
import { ApiException } from '../../common/api-exception';
import { UUID } from './validators';

/** What a write needs to know about its HTTP request besides the body. */
export interface WriteRequestContext {
  actor: AuthenticatedUser;
  idempotencyKey: string | null;
  /** The version from `If-Match`, when the client asked for optimistic locking. */
  ifMatch: number | null;
  correlationId: string;
  /** `POST /v1/cases/:caseId/...` with the concrete path: part of what an idempotency key is bound to. */
  route: string;
  /** Set by an import's commit only: the list and row the write records. */
  importedFrom?: ImportedFrom;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function parseIfMatch(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!match) {
    throw ApiException.validation([{ field: 'If-Match', message: 'If-Match must be a case version such as "3"' }]);
  }
  return Number(match[1]);
}

function parseIdempotencyKey(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw.length < 1 || raw.length > 200) {
    throw ApiException.validation([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must have 1 to 200 characters' },
    ]);
  }
  return raw;
}

function writeRequestOf(context: ExecutionContext): WriteRequestContext {
  const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('WriteRequest used on a public route');
  const correlation = request.header('x-correlation-id');
  return {
    actor: request.user,
    idempotencyKey: parseIdempotencyKey(request.header('idempotency-key')),
    ifMatch: parseIfMatch(request.header('if-match')),
    correlationId: correlation && CORRELATION_ID.test(correlation) ? correlation : randomUUID(),
    route: `${request.method} ${request.path}`,
  };
}

export const WriteRequest = createParamDecorator((_: unknown, context: ExecutionContext) => writeRequestOf(context));

/** A write to an existing case: the request's context and the case named by `:caseId` in the path. */
export interface CaseWriteTarget {
  request: WriteRequestContext;
  caseId: string;
}

/** `:caseId` that is not a UUID names no case: 404, like any unknown case. */
export const CaseTarget = createParamDecorator((_: unknown, context: ExecutionContext): CaseWriteTarget => {
  const caseId = context.switchToHttp().getRequest<Request>().params.caseId;
  if (typeof caseId !== 'string' || !UUID.test(caseId)) throw ApiException.notFound('No such case or item');
  return { request: writeRequestOf(context), caseId: caseId.toLowerCase() };
});
