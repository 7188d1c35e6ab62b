import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a write sent with an Idempotency-Key, replayed for repeats of the same request. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('integer', { name: 'status_code' }) statusCode!: number;
  @Column('jsonb') response!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
