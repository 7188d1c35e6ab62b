import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ComplaintBody, ComplaintOutcome, ComplaintStatus } from '@casetrack/domain';

/** One row per complaint of every case; "overdue" is computed when read (awaiting and past its due date). */
@Entity({ schema: 'read_model', name: 'complaints' })
export class ComplaintEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('uuid', { name: 'complaint_id' }) complaintId!: string;
  @Column('uuid', { name: 'allegation_id', nullable: true }) allegationId!: string | null;
  @Column('text', { name: 'filed_with' }) filedWith!: ComplaintBody;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text') status!: ComplaintStatus;
  @Column('timestamptz', { name: 'response_due_at', nullable: true }) responseDueAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: ComplaintOutcome | null;
  @Column('timestamptz', { name: 'filed_at' }) filedAt!: Date;
  @Column('timestamptz', { name: 'answered_at', nullable: true }) answeredAt!: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
}
