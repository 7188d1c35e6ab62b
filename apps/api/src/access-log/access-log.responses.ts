import { ApiSchema } from '@nestjs/swagger';
import { ACTOR_ROLES } from '@casetrack/domain';
import { everyValue, Id, OneOf, PageOf, Text, Time } from '../openapi/schema-properties';
import type { CaseView } from './case-access-log';

const CASE_VIEWS = everyValue<CaseView>()(['detail', 'timeline', 'history', 'verify', 'dossier']);

@ApiSchema({ name: 'CaseAccess', description: 'One read of a case' })
export class CaseAccessSchema {
  @Id()
  caseId!: string;

  @Id()
  userId!: string;

  @Text({ enum: [...ACTOR_ROLES] })
  userRole!: string;

  @OneOf('CaseView', CASE_VIEWS)
  view!: string;

  @Time()
  accessedAt!: string;
}

export const CaseAccessPageSchema = PageOf(() => CaseAccessSchema, 'CaseAccessPage');
