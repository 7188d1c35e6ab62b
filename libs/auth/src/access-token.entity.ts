import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'access_tokens' })
export class AccessTokenEntity {
  /** SHA-256 of the token: a stolen database does not yield usable tokens. */
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
