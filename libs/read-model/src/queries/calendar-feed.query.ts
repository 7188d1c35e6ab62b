import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { HearingKind, HearingStatus, HearingTimePrecision } from '@casetrack/domain';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { isoOf, Sql } from './sql';
import { type Viewer, visibleTo } from './viewer';

/** A hearing as a calendar feed may show it: ids, vocabulary, the court, times. Nothing a person typed. */
export interface FeedHearing {
  hearingId: string;
  caseId: string;
  kind: HearingKind;
  court: string;
  scheduledAt: string;
  /** `day`: only the day is known (`scheduledAt` is its midnight in the recorder's zone): an all-day event. */
  scheduledAtPrecision: HearingTimePrecision;
  status: HearingStatus;
  durationMinutes: number | null;
  /** How many times it was moved: with its status, the event's SEQUENCE. */
  reschedules: number;
}

/** How far back a feed reaches: calendar applications keep what they saw; older hearings only weigh on each poll. */
export const FEED_DAYS_BACK = 90;
/** The most a feed holds, soonest first from FEED_DAYS_BACK ago. */
export const FEED_LIMIT = 2_000;

export class CalendarFeedQuery extends Query<FeedHearing[]> {
  constructor(readonly viewer: Viewer) {
    super();
  }
}

interface Row {
  hearing_id: string;
  case_id: string;
  kind: HearingKind;
  court: string;
  scheduled_at: Date;
  scheduled_precision: HearingTimePrecision;
  status: HearingStatus;
  duration_minutes: number | null;
  reschedules: number;
}

/**
 * The hearings of the cases the viewer may see (a lawyer: their own), every status (a cancelled hearing must reach
 * the calendar as cancelled), from FEED_DAYS_BACK days ago on. Merged duplicates leave with their case.
 */
@QueryHandler(CalendarFeedQuery)
export class CalendarFeedHandler implements IQueryHandler<CalendarFeedQuery, FeedHearing[]> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer }: CalendarFeedQuery): Promise<FeedHearing[]> {
    const sql = new Sql();
    const s = READ_MODEL_SCHEMA;
    const rows: Row[] = await this.dataSource.query(
      `SELECT h.hearing_id, h.case_id, h.kind, h.court, h.scheduled_at, h.scheduled_precision, h.status,
              h.duration_minutes,
              COALESCE((SELECT jsonb_array_length(x->'previousScheduledAt')
                          FROM jsonb_array_elements(c.detail->'hearings') x
                         WHERE x->>'hearingId' = h.hearing_id::text LIMIT 1), 0)::int AS reschedules
         FROM ${s}.hearings h JOIN ${s}.cases c ON c.case_id = h.case_id
        WHERE ${visibleTo(sql, 'c', viewer)} AND c.merged_into IS NULL
          AND h.scheduled_at >= now() - make_interval(days => ${FEED_DAYS_BACK})
        ORDER BY h.scheduled_at, h.hearing_id
        LIMIT ${FEED_LIMIT}`,
      sql.params,
    );
    return rows.map((row) => ({
      hearingId: row.hearing_id,
      caseId: row.case_id,
      kind: row.kind,
      court: row.court,
      scheduledAt: isoOf(row.scheduled_at),
      scheduledAtPrecision: row.scheduled_precision,
      status: row.status,
      durationMinutes: row.duration_minutes,
      reschedules: row.reschedules,
    }));
  }
}
