import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Roles, type AuthenticatedUser } from '@casetrack/auth';
import type { Viewer } from '@casetrack/read-model';
import { SignedInRoutes } from '../../openapi/api-route';
import { ApiErrors } from '../../openapi/error-body';
import { MinPositionInterceptor } from './min-position.interceptor';

/**
 * Case-data reads: lawyers (their cases only, narrowed in every query), coordinators and auditors (all cases);
 * admins read no case data (403). Each honours X-Min-Position.
 */
export function ReadController(): ClassDecorator {
  return applyDecorators(
    SignedInRoutes(),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description:
        'Read your writes: wait (up to 5 s) until the read models include this position (the position a write ' +
        'answered); else 503 PROJECTION_LAGGING',
      schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
    }),
    ApiErrors([
      503,
      'PROJECTION_LAGGING: the read models did not reach X-Min-Position in time; SERVICE_UNAVAILABLE: the ' +
        'database is unavailable. Retry-After says when to try again',
    ]),
    Roles('lawyer', 'coordinator', 'auditor'),
    UseInterceptors(MinPositionInterceptor),
  );
}

export function viewerOf(user: AuthenticatedUser): Viewer {
  return { id: user.id, role: user.role };
}
