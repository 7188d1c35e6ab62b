import type { SignInOutcome } from '@casetrack/auth';
import { ApiException } from '../common/api-exception';

/** One answer for every throttled attempt, whether or not the account exists. */
export function throttled(retryAfterSeconds: number): ApiException {
  return new ApiException(429, 'RATE_LIMITED', 'Too many failed sign-ins; try again later', [], {
    'Retry-After': String(retryAfterSeconds),
  });
}

/** Why a sign-in did not sign in, answered alike by the token route and the console's session route. */
export function signInRefused(outcome: Exclude<SignInOutcome, { kind: 'signed-in' }>): ApiException {
  switch (outcome.kind) {
    case 'throttled':
      return throttled(outcome.retryAfterSeconds);
    case 'wrong-credentials':
      return new ApiException(401, 'UNAUTHENTICATED', 'Email or password is wrong');
    case 'second-factor-required':
      return new ApiException(
        401,
        'SECOND_FACTOR_REQUIRED',
        'This account signs in with a second factor: send otp (a code from the app, or a recovery code)',
      );
    case 'second-factor-wrong':
      return new ApiException(401, 'SECOND_FACTOR_REQUIRED', 'The second-factor code is wrong, expired or used');
  }
}
