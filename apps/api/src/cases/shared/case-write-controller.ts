import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Roles } from '@casetrack/auth';
import { WriteOutcomeInterceptor } from '../write/write-outcome.interceptor';

/** Case writes: lawyers and coordinators only (auditors read, admins manage users); answers carry an ETag. */
export function CaseWriteController(): ClassDecorator {
  return applyDecorators(ApiBearerAuth(), Roles('lawyer', 'coordinator'), UseInterceptors(WriteOutcomeInterceptor));
}
