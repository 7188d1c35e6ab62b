import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HearingKind, HearingStatus } from '@casetrack/domain';

/** One row per hearing of every case: the calendar and the agenda read it. */
@Entity({ schema: 'read_model', name: 'hearings' })
export class HearingEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @PrimaryColumn('uuid', { name: 'hearing_id' }) hearingId!: string;
  @Column('text') kind!: HearingKind;
  @Column('text') court!: string;
  @Column('text', { nullable: true }) judge!: string | null;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('timestamptz', { name: 'scheduled_at' }) scheduledAt!: Date;
  @Column('text') status!: HearingStatus;
}
