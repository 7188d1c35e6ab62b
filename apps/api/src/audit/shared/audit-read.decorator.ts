import { applyDecorators } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@casetrack/auth';
import { SignedInRoutes } from '../../openapi/api-route';

/**
 * The auditing reads of a case: auditors and coordinators read every case, a lawyer only the cases they are
 * assigned to (checked per case by `CaseStreamReader`), an admin none (403).
 */
export function AuditRead(): ClassDecorator {
  return applyDecorators(ApiTags('audit'), SignedInRoutes(), Roles('lawyer', 'coordinator', 'auditor'));
}
