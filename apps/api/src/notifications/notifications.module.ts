import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@casetrack/auth';
import { NotificationsController } from './notifications.controller';
import { QueueBoardController } from './queue-board.controller';
import { RemindersController } from './reminders.controller';

/** Reminder routes of the API: notification settings, the reminder log, and Bull Board for admins. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [NotificationsController, RemindersController, QueueBoardController],
})
export class NotificationsModule {}
