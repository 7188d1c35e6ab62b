import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { ActorRole } from '@casetrack/domain';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: ActorRole;
  password: string;
  timeZone?: string;
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

  async disable(id: string): Promise<boolean> {
    const result = await this.users.update({ id }, { disabledAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
