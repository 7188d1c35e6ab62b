import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bearer token (Authorization header) or a console session (httpOnly cookie); never accepted as the other. */
export type TokenKind = 'bearer' | 'session';

@Entity({ name: 'access_tokens' })
export class AccessTokenEntity {
  /** SHA-256 of the token: a stolen database does not yield usable tokens. */
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'kind' }) kind!: TokenKind;
  /** Sessions only: the session ends unless used before then; each use pushes it on. */
  @Column('timestamptz', { name: 'idle_until', nullable: true }) idleUntil!: Date | null;
}
