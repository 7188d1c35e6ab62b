import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@casetrack/auth';
import { NotificationsController } from './notifications.controller';
import { QueueBoardController } from './queue-board.controller';
import { ReadsModule } from '../reads/reads.module';
import { MinPositionInterceptor } from '../reads/shared/min-position.interceptor';
import { RemindersController } from './reminders.controller';
import { TestNotification } from './test-notification';

/** Reminder routes of the API: notification settings, the reminder log, and Bull Board for admins. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), ReadsModule],
  controllers: [NotificationsController, RemindersController, QueueBoardController],
  providers: [MinPositionInterceptor, TestNotification],
})
export class NotificationsModule {}
