import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '@casetrack/auth';
import { CaseAccessLog, type CaseView } from './case-access-log';

const VIEW = 'casetrack:case-view';

/**
 * Records the read in the access log before the answer leaves: a read that cannot be recorded is not served.
 * Only successful reads are recorded (a 404 reveals nothing about the case).
 */
@Injectable()
export class CaseAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: CaseAccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<CaseView | undefined>(VIEW, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const caseId = request.params.caseId;
    const user = request.user;
    if (!view || !user || typeof caseId !== 'string') return next.handle();
    return next
      .handle()
      .pipe(mergeMap((body: unknown) => from(this.log.record(user, caseId.toLowerCase(), view).then(() => body))));
  }
}

/** Marks a route that reads one case's data (`:caseId` in the path) as logged under `view`. */
export function LogsCaseAccess(view: CaseView): MethodDecorator {
  return applyDecorators(SetMetadata(VIEW, view), UseInterceptors(CaseAccessInterceptor));
}
