import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CASE_LIST_SORTS, type CaseListSort } from '@casetrack/read-model';
import {
  CASE_STATUSES,
  type CaseStatus,
  PUBLIC_ROLES,
  type PublicRole,
  VULNERABILITIES,
  type Vulnerability,
} from '@casetrack/domain';
import { IsId, Text } from '../../cases/shared/validators';
import { IsCalendarDate, NotBefore } from '../shared/calendar-date';
import { BooleanFromQuery, PageDto } from '../shared/page.dto';

export class ListCasesDto extends PageDto {
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiProperty({ description: 'Case-insensitive.' })
  @IsOptional()
  @Text(200)
  city?: string;

  @ApiProperty({
    description: "The facility's code (e.g. `LA-155/18`), or its name when it has no code; case-insensitive.",
  })
  @IsOptional()
  @Text(300)
  facility?: string;

  @ApiProperty({ description: 'An article of an active charge, e.g. `272`.' })
  @IsOptional()
  @Text(50)
  article?: string;

  @IsOptional()
  @IsId()
  lawyerId?: string;

  @IsOptional()
  @IsIn(VULNERABILITIES)
  vulnerability?: Vulnerability;

  @ApiProperty({ description: 'Only cases of people publicly known in this role (journalist, activist...).' })
  @IsOptional()
  @IsIn(PUBLIC_ROLES)
  publicRole?: PublicRole;

  @ApiProperty({ description: 'A name in any spelling or script; best matches first.' })
  @IsOptional()
  @Text(200)
  q?: string;

  @ApiProperty({
    type: Boolean,
    description:
      '`true`: only cases whose administrative arrest ran out (start + days) with no release recorded since; ' +
      '`false` filters nothing',
  })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean()
  termEnded?: boolean;

  @ApiProperty({ type: Boolean, description: '`true`: only closed cases; `false`: only open ones.' })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean()
  closed?: boolean;

  @ApiProperty({
    description:
      'Only cases whose first recorded detention was on or after this day (`YYYY-MM-DD`). A detention known to the ' +
      'day, month or year counts when the whole period the writer gave lies within the filter (00:30 +06:00 on 8 ' +
      'January known to the day is the 8th); one known to the minute or approximately, by its day in the ' +
      "caller's time zone; one whose time is unknown, or a case with no detention recorded, never.",
  })
  @IsOptional()
  @IsCalendarDate()
  detainedFrom?: string;

  @ApiProperty({
    description: 'Only cases whose first recorded detention was on or before this day (as detainedFrom).',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('detainedFrom')
  detainedTo?: string;

  @ApiProperty({
    type: Boolean,
    description: '`true`: only cases with a torture allegation (not retracted); `false`: only cases without one.',
  })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean()
  tortureAlleged?: boolean;

  @ApiProperty({
    enum: [...CASE_LIST_SORTS],
    description:
      'The order (`-`: descending); cases with no detention recorded come last by detainedAt. Default: best name ' +
      'matches first with `q`, else `-lastRecordedAt`.',
  })
  @IsOptional()
  @IsIn(CASE_LIST_SORTS)
  sort?: CaseListSort;
}
