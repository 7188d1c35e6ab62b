import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@casetrack/auth';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { CalendarFeeds } from './calendar-feeds';
import { CalendarFeedSchema } from './calendar.responses';

/** A lawyer's own hearings feed: made (shown once), replaced, revoked. */
@ApiTags('calendar')
@SignedInRoutes()
@Roles('lawyer')
@Controller('v1/users/me/calendar-feed')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeeds) {}

  @ApiRoute({
    operationId: 'createCalendarFeed',
    summary: 'A secret iCalendar URL of your hearings (lawyers), shown once; any earlier one stops working',
    description:
      'GET the URL (no sign-in) for an RFC 5545 calendar of the hearings of your cases: kind, court, a short case ' +
      'reference and the link to the case; never the detainee, the judge or anything else a person typed. ' +
      'Only its hash is kept: lost, make a new one.',
    answer: { status: 201, type: CalendarFeedSchema, description: 'The URL, this once' },
  })
  @Post()
  create(@CurrentUser() user: AuthenticatedUser): Promise<{ url: string }> {
    return this.feeds.create(user.id);
  }

  @ApiRoute({
    operationId: 'revokeCalendarFeed',
    summary: 'Stop your calendar URL at once (its GET answers 404 from now on); nothing to revoke is no error',
    answer: { status: 204, description: 'Revoked' },
  })
  @Delete()
  @HttpCode(204)
  async revoke(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.feeds.revoke(user.id);
  }
}
