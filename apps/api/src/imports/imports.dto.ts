import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { LOCALES, type Locale } from '@casetrack/i18n';
import { Text } from '../cases/shared/validators';
import { IsTimeZone } from '../common/is-time-zone';
import { IMPORT_KINDS, type ImportKind } from './files';

/** The form fields of an upload beside its file. */
export class UploadImportDto {
  @ApiProperty({
    required: false,
    description: "The IANA zone the list's dates and times are wall times in; default: the importer's",
  })
  @IsOptional()
  @Text(64)
  @IsTimeZone()
  timeZone?: string;

  @ApiProperty({
    enum: IMPORT_KINDS,
    required: false,
    description: 'What the list holds: `cases` (the default), `hearings`',
  })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;
}

export class DryRunImportDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      "Column name -> field (see the upload's `suggestedMapping`); columns left out are not read. A `cases` list " +
      'needs `fullName`; a `hearings` list `fullName` or `caseId`. A field may be given one column only.',
  })
  @IsObject()
  mapping!: Record<string, string>;
}

export class CommitImportDto extends DryRunImportDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Row number -> `new` (open a case even if it looks like a duplicate), `skip`, or `{addTo: caseId}` (record the ' +
      "row's facts on that case, and its spellings as name variants). A row the dry run found a possible duplicate " +
      'of, without a decision, is skipped with the reason DUPLICATE_UNDECIDED.',
  })
  @IsOptional()
  @IsObject()
  decisions?: Record<string, unknown>;
}

/** The language an answer's messages are in, when the console shows another than the account's. */
export class ImportLanguageQueryDto {
  @ApiProperty({ enum: LOCALES, required: false, description: "The language of the messages; default: the reader's" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class RejectedRowsQueryDto extends ImportLanguageQueryDto {
  @ApiProperty({ enum: ['csv'], required: false, description: 'The file: `csv` (the only one)' })
  @IsOptional()
  @IsIn(['csv'])
  format?: 'csv';
}
