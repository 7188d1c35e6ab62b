import { revokedAfter } from '@casetrack/auth';
import type { ActorRole } from '@casetrack/domain';
import type { Sql } from './sql';

/** Who is reading: every read-model query is narrowed to the cases this person may see. */
export interface Viewer {
  id: string;
  role: ActorRole;
}

/**
 * The case access policy (libs/auth `canSeeCase`) as a SQL condition on a `cases` alias, so that lists, search,
 * statistics, the calendar and the agenda never count or return a case the viewer may not see. A lawyer must be
 * listed on the projected row and not removed since the version it reflects (a removal is honoured at once, however
 * far behind the projector is: see libs/auth case-access-revocations).
 */
export function visibleTo(sql: Sql, alias: string, viewer: Viewer): string {
  switch (viewer.role) {
    case 'coordinator':
    case 'auditor':
      return 'true';
    case 'lawyer': {
      const id = `${sql.param(viewer.id)}::uuid`;
      return `(${alias}.lawyer_ids @> ARRAY[${id}] AND NOT ${revokedAfter(`${alias}.case_id`, id, `${alias}.version`)})`;
    }
    case 'admin':
      return 'false';
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}
