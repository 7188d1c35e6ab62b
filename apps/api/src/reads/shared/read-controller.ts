import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';
import { Roles, type AuthenticatedUser } from '@casetrack/auth';
import type { Viewer } from '@casetrack/read-model';
import { MinPositionInterceptor } from './min-position.interceptor';

/**
 * Case-data reads: lawyers (their cases only, narrowed in every query), coordinators and auditors (all cases);
 * admins read no case data (403). Each honours X-Min-Position.
 */
export function ReadController(): ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'Wait (up to 5 s) until the read models include this write position; else 503 PROJECTION_LAGGING',
    }),
    Roles('lawyer', 'coordinator', 'auditor'),
    UseInterceptors(MinPositionInterceptor),
  );
}

export function viewerOf(user: AuthenticatedUser): Viewer {
  return { id: user.id, role: user.role };
}
