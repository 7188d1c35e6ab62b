import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@casetrack/auth';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { localeOr } from '@casetrack/i18n';
import { CalendarFeedQuery, type FeedHearing } from '@casetrack/read-model';
import { ApiException } from '../common/api-exception';
import { ApiRoute, PublicRoute } from '../openapi/api-route';
import { CalendarFeeds, FEED_SECRET } from './calendar-feeds';
import { hearingCalendar } from './hearing-calendar';

/**
 * The feed itself, for calendar applications: no cookie and no bearer token, the secret in the path is the key.
 * Unknown, revoked, a disabled account or an account that is no longer a lawyer's: 404, the same answer for each.
 */
@ApiTags('calendar')
@Controller('v1/calendar')
export class CalendarFileController {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiRoute({
    operationId: 'getCalendarFeed',
    summary: 'A lawyer’s hearings as iCalendar (RFC 5545), by the secret URL made with createCalendarFeed',
    description:
      'One VEVENT per hearing of the lawyer’s cases from 90 days ago on (at most 2,000): UID stable per hearing, ' +
      'DTSTART/DTEND in UTC (the held duration, else one hour); a hearing known to the day only is an all-day ' +
      'event (DTSTART;VALUE=DATE, DTEND the next day) on its day in the lawyer’s time zone (UTC if none); SEQUENCE growing with each move, held or ' +
      'cancelled, STATUS:CANCELLED for a cancelled hearing; the summary is the hearing kind in the lawyer’s ' +
      'language, the court and a short case reference; URL is the case in the console.',
    answer: {
      description: 'The calendar',
      content: { 'text/calendar': { schema: { type: 'string' } } },
    },
    errors: [[404, 'NOT_FOUND: no such feed (revoked, replaced, or its account disabled)'], 429],
  })
  @ApiParam({
    name: 'secret',
    description: 'The secret of the URL, without `.ics`',
    schema: { type: 'string', pattern: FEED_SECRET.source },
  })
  @PublicRoute()
  @Public()
  @Get(':secret.ics')
  async feed(@Param('secret') secret: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const owner = await this.feeds.ownerOf(secret);
    if (owner === null || owner.role !== 'lawyer') throw ApiException.notFound('No such calendar');
    const hearings: FeedHearing[] = await this.queries.execute(
      new CalendarFeedQuery({ id: owner.id, role: owner.role }),
    );
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    return hearingCalendar(hearings, {
      locale: localeOr(owner.locale),
      publicUrl: this.config.delivery.publicUrl,
      now: new Date(),
      timeZone: owner.timeZone,
    });
  }
}
