import { ApiSchema } from '@nestjs/swagger';
import { Id, PageOf, Text } from '../../openapi/schema-properties';
import { ComplaintFieldsSchema } from '../cases/case-reads.responses';

@ApiSchema({ name: 'ComplaintItem', description: 'A complaint with its case' })
export class ComplaintItemSchema extends ComplaintFieldsSchema {
  @Id()
  caseId!: string;

  @Text()
  fullName!: string;
}

export const ComplaintPageSchema = PageOf(() => ComplaintItemSchema, 'ComplaintItemPage');
