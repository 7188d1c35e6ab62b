import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@casetrack/auth';

/**
 * The auditing reads of a case: auditors and coordinators read every case, a lawyer only the cases they are
 * assigned to (checked per case by `CaseStreamReader`), an admin none (403).
 */
export function AuditRead(): ClassDecorator {
  return applyDecorators(ApiTags('audit'), ApiBearerAuth(), Roles('lawyer', 'coordinator', 'auditor'));
}
