import { ApiSchema } from '@nestjs/swagger';
import { ACTOR_ROLES } from '@casetrack/domain';
import { AnyObject, Count, everyValue, Id, OneOf, PageOf, Text, Time } from '../openapi/schema-properties';
import type { CaseView } from './case-access-log';

const CASE_VIEWS = everyValue<CaseView>()(['detail', 'timeline', 'history', 'verify', 'dossier', 'export']);

@ApiSchema({ name: 'CaseAccess', description: 'One read of a case, or one export of many (view `export`)' })
export class CaseAccessSchema {
  @Id({ nullable: true, description: 'The case read; null for an export' })
  caseId!: string | null;

  @Id()
  userId!: string;

  @Text({ enum: [...ACTOR_ROLES] })
  userRole!: string;

  @OneOf('CaseView', CASE_VIEWS)
  view!: string;

  @Time()
  accessedAt!: string;

  @AnyObject({
    nullable: true,
    description: "An export's filter, as asked (the list's filters, format, lang, tz); null for a read of one case",
  })
  filter!: Record<string, unknown> | null;

  @Count({ nullable: true, description: 'How many cases an export matched when it began; null for a read of one case' })
  caseCount!: number | null;
}

export const CaseAccessPageSchema = PageOf(() => CaseAccessSchema, 'CaseAccessPage');
