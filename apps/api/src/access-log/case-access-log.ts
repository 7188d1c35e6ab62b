import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@casetrack/auth';

/** What part of a case was read; `export`: many cases at once (the case list's export). */
export type CaseView = 'detail' | 'timeline' | 'history' | 'verify' | 'dossier' | 'export';

export interface CaseAccess {
  /** Null for an export, which names its filter and the number of cases instead. */
  caseId: string | null;
  userId: string;
  userRole: string;
  view: CaseView;
  accessedAt: string;
  /** An export's filter, as asked; null for a read of one case. */
  filter: Record<string, unknown> | null;
  /** How many cases an export matched; null for a read of one case. */
  caseCount: number | null;
}

export interface CaseAccessFilter {
  caseId?: string;
  userId?: string;
  page: number;
  pageSize: number;
}

/** The record of who read which case when; rows are never changed or removed (a trigger enforces it). */
@Injectable()
export class CaseAccessLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(user: AuthenticatedUser, caseId: string, view: CaseView): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_access_log (case_id, user_id, user_role, view) VALUES ($1, $2, $3, $4)`,
      [caseId, user.id, user.role, view],
    );
  }

  /** An export of many cases: one entry naming the filter it was asked with and how many cases it matched. */
  async recordExport(user: AuthenticatedUser, filter: Record<string, unknown>, caseCount: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_access_log (case_id, user_id, user_role, view, filter, case_count)
       VALUES (NULL, $1, $2, 'export', $3::jsonb, $4)`,
      [user.id, user.role, JSON.stringify(filter), caseCount],
    );
  }

  async find(filter: CaseAccessFilter): Promise<{ items: CaseAccess[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.caseId) where.push(`case_id = $${params.push(filter.caseId)}`);
    if (filter.userId) where.push(`user_id = $${params.push(filter.userId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM case_access_log ${clause}`,
      params,
    )) as [{ total: number }];
    const rows = (await this.dataSource.query(
      `SELECT case_id, user_id, user_role, view, accessed_at, filter, case_count FROM case_access_log ${clause}
        ORDER BY accessed_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    )) as Array<{
      case_id: string | null;
      user_id: string;
      user_role: string;
      view: CaseView;
      accessed_at: Date;
      filter: Record<string, unknown> | null;
      case_count: number | null;
    }>;
    return {
      total,
      items: rows.map((row) => ({
        caseId: row.case_id,
        userId: row.user_id,
        userRole: row.user_role,
        view: row.view,
        accessedAt: row.accessed_at.toISOString(),
        filter: row.filter,
        caseCount: row.case_count,
      })),
    };
  }
}
