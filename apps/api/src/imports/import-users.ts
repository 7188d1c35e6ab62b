import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { ActorRole } from '@casetrack/domain';
import type { Locale } from '@casetrack/i18n';

/** Roles that import: they write cases. */
export const IMPORTING_ROLES: readonly ActorRole[] = ['lawyer', 'coordinator'];

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: ActorRole;
  time_zone: string;
  locale: Locale;
}

/** The importer a commit records in the name of, as they are now. */
@Injectable()
export class ImportUsers {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the account is disabled or its role no longer writes cases. */
  async importer(userId: string): Promise<AuthenticatedUser | null> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, email, name, role, time_zone, locale FROM users WHERE id = $1 AND disabled_at IS NULL`,
      [userId],
    );
    const user = rows[0];
    if (user === undefined || !IMPORTING_ROLES.includes(user.role)) return null;
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      timeZone: user.time_zone,
      locale: user.locale,
    };
  }
}
