import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../projection/read-model-schema';
import { courtKeySql } from './court-key';
import { Sql } from './sql';
import { type Viewer, visibleTo } from './viewer';

/** A court sitting in a period, for the court day's picker: its name as most of its hearings spell it. */
export interface HearingCourt {
  court: string;
  hearings: number;
}

export class ListHearingCourtsQuery extends Query<{ items: HearingCourt[] }> {
  constructor(
    readonly viewer: Viewer,
    readonly period: { from: string; to: string },
  ) {
    super();
  }
}

/** Courts with hearings (not cancelled) in the period on cases the viewer may see, the busiest first. */
@QueryHandler(ListHearingCourtsQuery)
export class ListHearingCourtsHandler implements IQueryHandler<ListHearingCourtsQuery, { items: HearingCourt[] }> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ viewer, period }: ListHearingCourtsQuery): Promise<{ items: HearingCourt[] }> {
    const sql = new Sql();
    sql.where(visibleTo(sql, 'c', viewer));
    sql.where('c.merged_into IS NULL');
    sql.where(`h.status <> 'cancelled'`);
    sql.where(`h.scheduled_at >= ${sql.param(period.from)}::timestamptz`);
    sql.where(`h.scheduled_at <= ${sql.param(period.to)}::timestamptz`);
    // One entry per court however its name was typed: spellings that fold alike are one court.
    const rows = await this.dataSource.query<Array<{ court: string; hearings: number }>>(
      `SELECT mode() WITHIN GROUP (ORDER BY h.court) AS court, count(*)::int AS hearings
         FROM ${READ_MODEL_SCHEMA}.hearings h JOIN ${READ_MODEL_SCHEMA}.cases c ON c.case_id = h.case_id
         ${sql.whereClause}
        GROUP BY ${courtKeySql('h.court')}
        ORDER BY hearings DESC, court
        LIMIT 200`,
      sql.params,
    );
    return { items: rows };
  }
}
