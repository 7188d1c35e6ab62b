import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ACTOR_ROLES, type ActorRole } from '@casetrack/domain';
import { UserEntity } from './user.entity';

export interface UserListFilter {
  role?: ActorRole;
  /** Part of the name or the email, any case. */
  q?: string;
  includeDisabled: boolean;
}

export interface ListedUser {
  id: string;
  name: string;
  role: ActorRole;
  email: string;
  timeZone: string;
  disabled: boolean;
}

/**
 * Which accounts a role may list: admins every account; lawyers and coordinators the active lawyers and
 * coordinators, whom they assign and work beside. Auditors review cases and need no one's address (no route).
 */
function listableBy(viewer: ActorRole): { roles: readonly ActorRole[]; disabledToo: boolean } {
  return viewer === 'admin'
    ? { roles: ACTOR_ROLES, disabledToo: true }
    : { roles: ['lawyer', 'coordinator'], disabledToo: false };
}

/** `%` and `_` typed in a search are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

@Injectable()
export class UserDirectory {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The accounts `viewer` may list that match the filter, by name. */
  async list(viewer: ActorRole, filter: UserListFilter): Promise<ListedUser[]> {
    const allowed = listableBy(viewer);
    const roles = filter.role === undefined ? allowed.roles : allowed.roles.filter((role) => role === filter.role);
    if (roles.length === 0) return [];
    const query = this.users.createQueryBuilder('u').where('u.role IN (:...roles)', { roles });
    if (!(filter.includeDisabled && allowed.disabledToo)) query.andWhere('u.disabled_at IS NULL');
    const q = filter.q?.trim();
    if (q) {
      query.andWhere(`(u.name ILIKE :pattern OR u.email ILIKE :pattern)`, { pattern: likePattern(q) });
    }
    const users = await query.orderBy('lower(u.name)').addOrderBy('u.id').getMany();
    return users.map((user) => ({
      id: user.id,
      name: user.name,
      role: user.role,
      email: user.email,
      timeZone: user.timeZone,
      disabled: user.disabledAt !== null,
    }));
  }
}
