import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { ActorRole } from '@casetrack/domain';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { type Locale, UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: ActorRole;
  password: string;
  timeZone?: string;
  locale?: Locale;
}

/** What an admin may change of an account; absent fields stay as they are. */
export interface UserChanges {
  name?: string;
  role?: ActorRole;
  timeZone?: string;
  locale?: Locale;
}

export class EmailTakenError extends Error {
  constructor() {
    super('A user with this email already exists');
  }
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async create(input: NewUser): Promise<UserEntity> {
    const user = this.users.create({
      id: randomUUID(),
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      timeZone: input.timeZone ?? 'UTC',
      locale: input.locale ?? 'en',
      notificationEmail: null,
      webhookUrl: null,
      disabledAt: null,
      createdAt: new Date(),
    });
    try {
      return await this.users.save(user);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new EmailTakenError();
      throw error;
    }
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  /** The user for these credentials, or null; unknown email and wrong password are indistinguishable. */
  async verifyCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.findByEmail(email);
    if (!user || user.disabledAt) {
      await verifyAgainstDummy(password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? user : null;
  }

  async count(): Promise<number> {
    return this.users.count();
  }

  /** Disabling again keeps the first time: a repeat only completes what the first left undone. */
  async disable(id: string): Promise<boolean> {
    const result = await this.users.update({ id }, { disabledAt: () => 'coalesce(disabled_at, now())' });
    return (result.affected ?? 0) > 0;
  }

  async enable(id: string): Promise<boolean> {
    const result = await this.users.update({ id }, { disabledAt: null });
    return (result.affected ?? 0) > 0;
  }

  /** The account as it was and as it is now, or null when there is no such user. */
  async update(id: string, changes: UserChanges): Promise<{ before: UserEntity; after: UserEntity } | null> {
    const before = await this.findById(id);
    if (!before) return null;
    const set: UserChanges = {};
    if (changes.name !== undefined) set.name = changes.name.trim();
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.timeZone !== undefined) set.timeZone = changes.timeZone;
    if (changes.locale !== undefined) set.locale = changes.locale;
    if (Object.keys(set).length > 0) await this.users.update({ id }, set);
    return { before, after: { ...before, ...set } };
  }
}
