import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type WorkerHealth, WorkerRoleService } from '@casetrack/reminders';

/**
 * The worker's only HTTP route, for the container's health check: it proves the process answers and its loops run,
 * which a probe of Redis from beside it could not. No case data, no error text.
 */
@Controller()
export class WorkerStatusController {
  constructor(private readonly worker: WorkerRoleService) {}

  @Get('health')
  health(@Res({ passthrough: true }) response: Response): WorkerHealth {
    const health = this.worker.role.health();
    response.status(health.status === 'down' ? 503 : 200);
    return health;
  }
}
