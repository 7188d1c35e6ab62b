import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { AnyObject, Count, Flag, Id, ListOf, Nested, Text, Time } from '../../openapi/schema-properties';
import { ActorSchema, RecordedFactSchema } from '../timeline/timeline.responses';
import { DeadlineSchema } from '../../reads/deadlines/deadline.responses';
import { ChainBrokenSchema, ChainValidSchema } from '../verify/verify.responses';

@ApiSchema({ name: 'DossierRecord', description: 'One recorded fact: what was stated, when, and by whom' })
export class DossierRecordSchema extends RecordedFactSchema {
  @Nested(() => ActorSchema)
  recordedBy!: ActorSchema;
}

@ApiSchema({ name: 'DossierWithheld', description: 'What was left out, so that the reader knows it is partial' })
export class DossierWithheldSchema {
  @Count()
  internalAllegations!: number;

  @Count()
  anonymisedAllegations!: number;
}

@ApiSchema({ name: 'DossierPerson', description: 'Someone the dossier names, by account' })
export class DossierPersonSchema {
  @Id()
  id!: string;

  @Text({ nullable: true, description: 'The account name; null when no account has this id any more' })
  name!: string | null;

  @Text({ description: 'The account role (or, for an account that is gone, the role the facts were recorded in)' })
  role!: string;
}

const Records = (description: string): PropertyDecorator => ListOf(() => DossierRecordSchema, { description });
const Sections = (description: string): PropertyDecorator =>
  ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description });

@ApiSchema({ name: 'Dossier', description: 'Every counting fact of the case once, in its section, with verification' })
export class DossierSchema {
  @Text({ enum: ['casetrack-dossier/1'] })
  format!: string;

  @Id()
  caseId!: string;

  @Time()
  generatedAt!: string;

  @Text({ enum: ['en', 'ru', 'kk'], description: 'The language of the PDF (lang, else the reader’s account language)' })
  language!: string;

  @Text({
    description: 'The IANA zone the PDF prints times in (tz, else the reader’s account zone); JSON times are UTC',
  })
  timeZone!: string;

  @Nested(() => DossierPersonSchema, { description: 'Who issued the dossier (generatedAt is when)' })
  issuedBy!: DossierPersonSchema;

  @ListOf(() => DossierPersonSchema, {
    description: 'Everyone the dossier names by id (recorders, lawyers), by account name and role',
  })
  people!: DossierPersonSchema[];

  @Flag({ description: 'Allegations recorded internal_only or anonymised are included (includeInternal=true)' })
  includesInternal!: boolean;

  @AnyObject({ nullable: true, description: 'Who the person is, the source, and the record that opened the case' })
  detainee!: Record<string, unknown> | null;

  @Records('Corrections of who the person is and added spellings of the name, in the order they were recorded')
  identity!: DossierRecordSchema[];

  @AnyObject({
    description: 'status, closed, heldAs, currentFacility, measure, releasedAt, release (its time with its precision)',
  })
  situation!: Record<string, unknown>;

  @AnyObject({ description: 'current: the lawyers assigned; records: assignments and unassignments' })
  lawyers!: Record<string, unknown>;

  @Records('Detention, whereabouts, transfers, measures, releases')
  custody!: DossierRecordSchema[];

  @Sections('Each charge with its records')
  charges!: unknown[];

  @Records('Administrative sanctions')
  administrativeSanctions!: DossierRecordSchema[];

  @Sections('Each hearing with its records')
  hearings!: unknown[];

  @Records('Torture allegations this dossier may carry (see includesInternal and withheld)')
  allegations!: DossierRecordSchema[];

  @Sections('Each complaint with its records; allegationWithheld when its allegation is left out')
  complaints!: unknown[];

  @Records('Access denied, and granted again')
  accessDenials!: DossierRecordSchema[];

  @Records('Pressure on the detainee or family not tied to one complaint')
  pressure!: DossierRecordSchema[];

  @Records('Medical facts')
  medical!: DossierRecordSchema[];

  @Nested(() => DossierRecordSchema, { nullable: true })
  verdict!: DossierRecordSchema | null;

  @Nested(() => DossierRecordSchema, { nullable: true })
  death!: DossierRecordSchema | null;

  @Records('Notes')
  notes!: DossierRecordSchema[];

  @Records('Links to other cases (relatives, co-detainees...), with the note on each')
  links!: DossierRecordSchema[];

  @Records('Closed, reopened, erased, merged (as a duplicate, or a duplicate merged into this case)')
  lifecycle!: DossierRecordSchema[];

  @Sections('Retracted facts, each with its retraction')
  retractions!: unknown[];

  @Nested(() => DossierWithheldSchema)
  withheld!: DossierWithheldSchema;

  @ListOf(() => DeadlineSchema, {
    description: 'The deadlines by law (RULE_SETS) the case had when the dossier was issued, soonest first',
  })
  deadlines!: DeadlineSchema[];

  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(ChainValidSchema) }, { $ref: getSchemaPath(ChainBrokenSchema) }],
    description: 'The verification of the stream the dossier was built from',
  })
  verification!: ChainValidSchema | ChainBrokenSchema;
}
