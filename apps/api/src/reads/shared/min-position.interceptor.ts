import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { CheckpointWaiter } from '@casetrack/read-model';
import { ApiException } from '../../common/api-exception';

/** How long a read waits for the read models to include the position it asked for. */
export const MIN_POSITION_WAIT_MS = 5_000;
const POSITION = /^\d{1,15}$/;

/**
 * Read-your-writes: with `X-Min-Position: <position>` (the `position` a write answered), the read waits until the
 * read models include that event, and answers 503 PROJECTION_LAGGING with `Retry-After` if they do not in time.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(private readonly waiter: CheckpointWaiter) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const raw = context.switchToHttp().getRequest<Request>().headers['x-min-position'];
    if (raw !== undefined) {
      const value = Array.isArray(raw) ? raw.join(',') : raw.trim();
      if (!POSITION.test(value)) {
        throw ApiException.validation(
          [{ field: 'X-Min-Position', message: 'X-Min-Position must be a non-negative integer (a write position)' }],
          'The X-Min-Position header is not valid',
        );
      }
      if (!(await this.waiter.waitFor(Number(value), MIN_POSITION_WAIT_MS))) {
        throw new ApiException(
          503,
          'PROJECTION_LAGGING',
          'The read models do not include that position yet; try again shortly',
          [],
          { 'Retry-After': '1' },
        );
      }
    }
    return next.handle();
  }
}
