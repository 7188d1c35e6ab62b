import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { ApiException } from '../../common/api-exception';
import { WriteOutcome } from './write-outcome';
import { httpAnswerOf } from './write-outcome.http';

/** Every write answers as `httpAnswerOf` says: its status and headers, or its error for the exception filter. */
@Injectable()
export class WriteOutcomeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof WriteOutcome)) return value;
        const answer = httpAnswerOf(value);
        if (answer instanceof ApiException) throw answer;
        response.status(answer.statusCode);
        for (const [name, header] of Object.entries(answer.headers)) response.setHeader(name, header);
        return answer.body;
      }),
    );
  }
}
