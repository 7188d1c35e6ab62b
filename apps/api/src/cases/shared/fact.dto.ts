import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OCCURRED_AT_PRECISIONS, type OccurredAtPrecision } from '@casetrack/domain';
import { IsInstant } from './validators';

/** Every write body may say when the fact happened and how precisely that is known. */
export abstract class FactDto {
  @ApiProperty({
    description: 'When it happened (ISO-8601 with offset). Defaults to now; at most 5 minutes in the future.',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @IsOptional()
  @IsIn(OCCURRED_AT_PRECISIONS)
  occurredAtPrecision?: OccurredAtPrecision;
}
