import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FirstAnswer } from './write-outcome';

/**
 * The first answer to a write sent with an Idempotency-Key, replayed for repeats of the same request.
 * Rows hold `outcome`; rows written before migration 1764000001100 hold the HTTP status and body they answered
 * instead, and are read as they are (stored-answer.ts), never rewritten.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyRecordEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('jsonb', { nullable: true }) outcome!: FirstAnswer | null;
  @Column('integer', { name: 'status_code', nullable: true }) statusCode!: number | null;
  @Column('jsonb', { nullable: true }) response!: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
