import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import {
  CASE_STATUSES,
  type CaseStatus,
  PUBLIC_ROLES,
  type PublicRole,
  VULNERABILITIES,
  type Vulnerability,
} from '@casetrack/domain';
import { IsId, Text } from '../../cases/shared/validators';
import { PageDto } from '../shared/page.dto';

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
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  termEnded?: boolean;
}
