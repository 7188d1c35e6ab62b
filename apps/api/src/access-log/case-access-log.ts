import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@casetrack/auth';

/** What part of a case was read. */
export type CaseView = 'detail' | 'timeline' | 'history' | 'verify' | 'dossier';

export interface CaseAccess {
  caseId: string;
  userId: string;
  userRole: string;
  view: CaseView;
  accessedAt: string;
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
      `SELECT case_id, user_id, user_role, view, accessed_at FROM case_access_log ${clause}
        ORDER BY accessed_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    )) as Array<{ case_id: string; user_id: string; user_role: string; view: CaseView; accessed_at: Date }>;
    return {
      total,
      items: rows.map((row) => ({
        caseId: row.case_id,
        userId: row.user_id,
        userRole: row.user_role,
        view: row.view,
        accessedAt: row.accessed_at.toISOString(),
      })),
    };
  }
}
