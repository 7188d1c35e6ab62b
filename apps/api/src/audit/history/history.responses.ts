import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CASE_STATUSES, LAWYER_ROLES, VULNERABILITIES } from '@casetrack/domain';
import { AnyObject, Count, Flag, Id, OneOf, Text, Time } from '../../openapi/schema-properties';
import { TIME_AXES } from './history.dto';

/** Things of the case kept by their id (charges, hearings...), each in the shape the case state folds it to. */
const ById = (description: string): PropertyDecorator =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: true }, description });

/** A list of the case's facts of one kind, in stream order. */
/** Each entry keeps the eventId, occurredAt and occurredAtPrecision (and occurredOn, the writer's day) of its fact. */
const Facts = (description: string): PropertyDecorator =>
  ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: `${description}; each with eventId, occurredAt, occurredAtPrecision and, for a day, month or year, occurredOn`,
  });

/**
 * The case as it stood at asOf, folded from its stream (libs/domain's CaseHistory). The parts that hold what the case
 * holds keep the shape of the case state; the keys are stable.
 */
@ApiSchema({ name: 'CaseHistory' })
export class CaseHistorySchema {
  @Time({ description: 'The instant asked for, in UTC' })
  asOf!: string;

  @OneOf('TimeAxis', TIME_AXES)
  axis!: string;

  @Count({ description: 'Stream version of the last event included (0 when none is)' })
  version!: number;

  @Count()
  eventsIncluded!: number;

  @Id({ isArray: true, description: 'Facts included but not counting: a retraction included withdrew them' })
  retractedEventIds!: string[];

  @Flag({ description: 'Whether the case had been opened by then' })
  exists!: boolean;

  @AnyObject({
    nullable: true,
    description:
      'fullName, nameVariants, birthDate, sex, city, vulnerabilities; birthYear, occupation and publicRoles once known',
  })
  detainee!: Record<string, unknown> | null;

  @AnyObject({ nullable: true, description: 'How the news came: kind and reference' })
  source!: Record<string, unknown> | null;

  @Time({ nullable: true })
  openedAt!: string | null;

  @OneOf('Vulnerability', VULNERABILITIES, { isArray: true })
  vulnerabilities!: string[];

  @Flag()
  closed!: boolean;

  @Flag({ description: 'The case’s key was destroyed: every sensitive field reads as erased' })
  erased!: boolean;

  @Id({ nullable: true, description: 'The case this one was merged into as a duplicate; null while it is its own' })
  mergedInto!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    description: 'The duplicates merged into this case',
  })
  mergedDuplicates!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...LAWYER_ROLES] },
    description: 'The assigned lawyers: lawyerId → role',
  })
  lawyers!: Record<string, string>;

  @OneOf('CaseStatus', CASE_STATUSES)
  status!: string;

  @Time({ nullable: true, description: 'The latest occurredAt among the facts the status was derived from' })
  statusAsOf!: string | null;

  @Text({ nullable: true, description: 'How the person is held (kept while hospitalised or missing)' })
  heldAs!: string | null;

  @AnyObject({ nullable: true })
  currentFacility!: Record<string, unknown> | null;

  @AnyObject({ nullable: true })
  measure!: Record<string, unknown> | null;

  @Facts('Preventive measures imposed, extended and ended')
  measureHistory!: unknown[];

  @Time({ nullable: true })
  releasedAt!: string | null;

  @AnyObject({
    nullable: true,
    description: 'The fact that last released the person: eventId, occurredAt, occurredAtPrecision, occurredOn',
  })
  release!: Record<string, unknown> | null;

  @Facts('Detentions')
  detentions!: unknown[];

  @Facts('Transfers')
  transfers!: unknown[];

  @ById('Charges by chargeId')
  charges!: Record<string, unknown>;

  @Facts('Administrative sanctions')
  administrativeSanctions!: unknown[];

  @ById('Hearings by hearingId')
  hearings!: Record<string, unknown>;

  @ById('Torture allegations by allegationId')
  allegations!: Record<string, unknown>;

  @ById('Complaints by complaintId')
  complaints!: Record<string, unknown>;

  @Facts('Access denied to lawyers, relatives or doctors, each with `until` once access was granted again')
  accessDenials!: unknown[];

  @Facts('Access granted again')
  accessGrants!: unknown[];

  @Facts('Pressure on the detainee or family not tied to one complaint')
  pressure!: unknown[];

  @Facts('Medical facts')
  medicalFacts!: unknown[];

  @AnyObject({ nullable: true })
  verdict!: Record<string, unknown> | null;

  @AnyObject({ nullable: true })
  death!: Record<string, unknown> | null;

  @Facts('Notes')
  notes!: unknown[];

  @Facts('Links to other cases (relatives, co-detainees...), with the note on each')
  links!: unknown[];
}
