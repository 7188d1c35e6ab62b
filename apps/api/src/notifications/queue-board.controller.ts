import { All, Controller, Inject, Next, type OnModuleDestroy, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { Roles } from '@casetrack/auth';
import { createReminderQueue, type ReminderJobData, reminderQueueAddress } from '@casetrack/reminders';

const BASE = '/admin/queues';

/**
 * Bull Board for admins: the reminder queue's jobs (delayed, active, failed...). Served through a Nest route so that
 * the global guard checks the bearer token and the admin role like everywhere else; a browser needs the
 * `Authorization: Bearer` header added (a header-injecting proxy or extension). The queue connection is opened on
 * first use, so an API that never serves the board never talks to Redis for it.
 */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/queues')
export class QueueBoardController implements OnModuleDestroy {
  private board: { router: RequestHandler; queue: Queue<ReminderJobData> } | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @All(['', '*path'])
  serve(@Req() request: Request, @Res() response: Response, @Next() next: NextFunction): void {
    const board = this.open();
    // The board's router expects paths relative to where it is mounted.
    request.url = request.originalUrl.slice(BASE.length) || '/';
    board.router(request, response, next);
  }

  async onModuleDestroy(): Promise<void> {
    await this.board?.queue.close();
  }

  private open(): { router: RequestHandler; queue: Queue<ReminderJobData> } {
    if (this.board) return this.board;
    // The deployment's own queue, under its Redis prefix: the one its worker runs.
    const queue = createReminderQueue(reminderQueueAddress(this.config));
    const adapter = new ExpressAdapter();
    adapter.setBasePath(BASE);
    createBullBoard({ queues: [new BullMQAdapter(queue, { readOnlyMode: false })], serverAdapter: adapter });
    this.board = { router: adapter.getRouter() as RequestHandler, queue };
    return this.board;
  }
}
