import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { listReminders, ReminderCaseNotVisible, type ReminderLogItem } from '@casetrack/reminders';
import { ApiException } from '../common/api-exception';
import { PG_POOL } from '../infrastructure/infrastructure.module';
import { ReadController } from '../reads/shared/read-controller';
import { ApiRoute } from '../openapi/api-route';
import { ReminderLogDto } from './notifications.dto';
import { ReminderLogSchema } from './notifications.responses';

// The reminder rows are written by the projector with its checkpoint, so they honour X-Min-Position like any read model.
@ApiTags('reminders')
@ReadController()
@Controller('v1/reminders')
export class RemindersController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @ApiRoute({
    operationId: 'listReminders',
    summary: 'The reminder log, latest due first (at most 500): what is due, to whom, and whether it was sent',
    description:
      'A lawyer sees the reminders addressed to them on their cases; coordinators and auditors see all. A case ' +
      'the caller may not see is 404.',
    answer: { type: ReminderLogSchema, description: 'The reminders' },
    errors: [404],
  })
  @Get()
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ReminderLogDto,
  ): Promise<{ items: ReminderLogItem[] }> {
    try {
      return await listReminders(this.pool, {
        viewer: { id: user.id, role: user.role },
        caseId: query.caseId?.toLowerCase(),
        status: query.status,
      });
    } catch (error) {
      if (error instanceof ReminderCaseNotVisible) throw ApiException.notFound('No such case');
      throw error;
    }
  }
}
