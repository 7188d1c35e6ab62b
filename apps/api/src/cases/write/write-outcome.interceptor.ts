import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { WriteOutcome } from './write-outcome';

/** Every write answers its status, `ETag: "<version>"` and, for a replay, `Idempotent-Replayed: true`. */
@Injectable()
export class WriteOutcomeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof WriteOutcome)) return value;
        response.status(value.statusCode);
        response.setHeader('ETag', `"${value.body.version}"`);
        if (value.replayed) response.setHeader('Idempotent-Replayed', 'true');
        return value.body;
      }),
    );
  }
}
