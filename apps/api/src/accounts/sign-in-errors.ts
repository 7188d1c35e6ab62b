import { ApiException } from '../common/api-exception';

/** One answer for every throttled attempt, whether or not the account exists. */
export function throttled(retryAfterSeconds: number): ApiException {
  return new ApiException(429, 'RATE_LIMITED', 'Too many failed sign-ins; try again later', [], {
    'Retry-After': String(retryAfterSeconds),
  });
}
