import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where the projector of this schema stands in the global feed. */
@Entity({ schema: 'read_model', name: 'checkpoint' })
export class CheckpointEntity {
  @PrimaryColumn('text') name!: string;
  /** bigint comes back from pg as a string; positions stay below 2^53. */
  @Column('bigint') position!: string;
  @Column('timestamptz', { name: 'updated_at', nullable: true }) updatedAt!: Date | null;
}
