import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { Count, Id, ListOf, Text, Time } from '../openapi/schema-properties';
import { PossibleDuplicateSchema } from '../cases/shared/write-answers';
import { CHECKED_OUTCOMES, IMPORT_STATUSES } from './import-model';
import { IMPORT_FIELDS, IMPORT_KINDS } from './files';

@ApiSchema({
  name: 'ImportColumn',
  description: "A column of the uploaded list and the first three of its cells' values",
})
export class ImportColumnSchema {
  @Text()
  name!: string;

  @ApiProperty({ type: [String], description: 'The first (at most three) non-empty values of the column' })
  sample!: string[];
}

const MAPPING = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'Column name -> field',
} as const;

@ApiSchema({ name: 'ImportUploaded' })
export class ImportUploadedSchema {
  @Id()
  importId!: string;

  @Text({ enum: ['uploaded'] })
  status!: 'uploaded';

  @Count({ description: 'Data rows read from the file' })
  rows!: number;

  @ListOf(() => ImportColumnSchema)
  columns!: ImportColumnSchema[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...new Set(Object.values(IMPORT_FIELDS).flat())] },
    description: "The fields this kind of list may map its columns to (the mapping's values)",
  })
  fields!: string[];

  @ApiProperty({
    ...MAPPING,
    description: 'The mapping suggested from the column names (ru, kk, en): confirm or change it',
  })
  suggestedMapping!: Record<string, string>;
}

@ApiSchema({ name: 'ImportRowProblem', description: 'What in a row cannot be recorded, by column' })
export class ImportRowProblemSchema {
  @Text({ description: 'The column (or, if unmapped, the field) the problem is in' })
  field!: string;

  @Text({ description: "A sentence in the importer's language" })
  message!: string;
}

@ApiSchema({ name: 'ImportRowDuplicate', description: 'An earlier row of the same file that may be the same person' })
export class ImportRowDuplicateSchema {
  @Count({ minimum: 1 })
  row!: number;

  @Id({ description: 'The case that row opens when it is committed as new (for `{addTo}`)' })
  caseId!: string;

  @ApiProperty({ minimum: 0, maximum: 1 })
  score!: number;
}

@ApiSchema({ name: 'ImportRowCheck' })
export class ImportRowCheckSchema {
  @Count({ minimum: 1, description: 'The row of the file (the header is row 1)' })
  row!: number;

  @Text({
    nullable: true,
    description:
      'The name the row gives, so the importer knows whom it is about (null once recorded: its cells are gone)',
  })
  fullName!: string | null;

  @Text({ enum: [...CHECKED_OUTCOMES] })
  outcome!: string;

  @ListOf(() => ImportRowProblemSchema)
  errors!: ImportRowProblemSchema[];

  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(PossibleDuplicateSchema) }, { $ref: getSchemaPath(ImportRowDuplicateSchema) }],
    },
    description:
      'Cases (existing ones the importer may see) and earlier rows of the file that may be the same person; for a ' +
      '`hearings` list, the cases the hearing may be about',
  })
  possibleDuplicates!: unknown[];
}

@ApiSchema({ name: 'ImportChecked' })
export class ImportCheckedSchema {
  @Text({ enum: ['checked'] })
  status!: 'checked';

  @ListOf(() => ImportRowCheckSchema)
  rows!: ImportRowCheckSchema[];
}

@ApiSchema({ name: 'ImportCommitting' })
export class ImportCommittingSchema {
  @Id()
  importId!: string;

  @Text({ enum: [...IMPORT_STATUSES], description: '`committing`, or `done` when a repeated commit finds it finished' })
  status!: string;
}

@ApiSchema({ name: 'ImportStatus' })
export class ImportStatusSchema {
  @Id()
  importId!: string;

  @Text({ enum: [...IMPORT_STATUSES] })
  status!: string;

  @Text({ enum: [...IMPORT_KINDS] })
  kind!: string;

  @Count({ description: 'Data rows of the file' })
  rows!: number;

  @Count()
  recorded!: number;

  @Count()
  skipped!: number;

  @Count()
  rejected!: number;

  @Time()
  createdAt!: string;

  @Time({ nullable: true })
  finishedAt!: string | null;
}
