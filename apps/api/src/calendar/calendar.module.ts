import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadsModule } from '../reads/reads.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFileController } from './calendar-file.controller';
import { CalendarFeeds } from './calendar-feeds';

/** A lawyer's hearings in their own calendar application: the secret feed and its management. */
@Module({
  imports: [CqrsModule, ReadsModule],
  controllers: [CalendarFeedController, CalendarFileController],
  providers: [CalendarFeeds],
})
export class CalendarModule {}
