import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { Roles } from '@casetrack/auth';
import { SignedInRoutes } from '../../openapi/api-route';
import { WriteOutcomeInterceptor } from '../write/write-outcome.interceptor';
import { CORRELATION_ID, IDEMPOTENCY_KEY } from './case-write-route';

/**
 * Case writes: lawyers and coordinators only (auditors read, admins manage users); answers carry an ETag; every one
 * takes an Idempotency-Key and an X-Correlation-Id.
 */
export function CaseWriteController(): ClassDecorator {
  return applyDecorators(
    SignedInRoutes(),
    IDEMPOTENCY_KEY,
    CORRELATION_ID,
    Roles('lawyer', 'coordinator'),
    UseInterceptors(WriteOutcomeInterceptor),
  );
}
