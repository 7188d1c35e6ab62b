import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActorRole } from '@casetrack/domain';

/** The languages a user's messages, dossiers and console are in. */
export const LOCALES = ['en', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') role!: ActorRole;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: Locale;
  @Column('text', { name: 'notification_email', nullable: true }) notificationEmail!: string | null;
  @Column('text', { name: 'webhook_url', nullable: true }) webhookUrl!: string | null;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** What the rest of the application knows of the signed-in person. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: ActorRole;
  timeZone: string;
  locale: Locale;
}

export function toAuthenticatedUser(user: UserEntity): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}
