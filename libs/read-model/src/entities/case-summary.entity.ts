import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus, Measure, Vulnerability } from '@casetrack/domain';
import type { CaseDetailDocument, ChargeView, FacilityView, LawyerView } from '../projection/views';

/** One row per case: the case list, filters, search and statistics read it; written only by the projector. */
@Entity({ schema: 'read_model', name: 'cases' })
export class CaseSummaryEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'full_name' }) fullName!: string;
  @Column('text', { name: 'name_variants', array: true }) nameVariants!: string[];
  /** Normalised names, space-separated: what name search matches against. */
  @Column('text', { name: 'name_keys' }) nameKeys!: string;
  @Column('text') city!: string;
  @Column('text') status!: CaseStatus;
  @Column('boolean') closed!: boolean;
  @Column('jsonb', { name: 'current_facility', nullable: true }) currentFacility!: FacilityView | null;
  @Column('text', { name: 'facility_key', nullable: true }) facilityKey!: string | null;
  /** Articles of the active charges. */
  @Column('text', { array: true }) articles!: string[];
  @Column('jsonb') charges!: ChargeView[];
  @Column('uuid', { name: 'lawyer_ids', array: true }) lawyerIds!: string[];
  @Column('jsonb') lawyers!: LawyerView[];
  @Column('text', { nullable: true }) measure!: Measure | null;
  @Column('timestamptz', { name: 'measure_until', nullable: true }) measureUntil!: Date | null;
  @Column('integer', { name: 'open_complaints' }) openComplaints!: number;
  @Column('integer', { name: 'torture_allegations' }) tortureAllegations!: number;
  @Column('boolean') deceased!: boolean;
  @Column('text', { array: true }) vulnerabilities!: Vulnerability[];
  @Column('timestamptz', { name: 'opened_at', nullable: true }) openedAt!: Date | null;
  @Column('integer') version!: number;
  @Column('timestamptz', { name: 'last_recorded_at' }) lastRecordedAt!: Date;
  @Column('jsonb') detail!: CaseDetailDocument;
}
