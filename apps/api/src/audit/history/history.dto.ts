import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { TimeAxis } from '@casetrack/domain';
import { IsInstant } from '../../cases/shared/validators';

export const TIME_AXES = ['recorded', 'occurred'] as const satisfies readonly TimeAxis[];

export class HistoryQueryDto {
  @ApiProperty({
    description: 'The instant to rebuild the case at, ISO-8601 with offset',
    example: '2022-01-10T00:00:00+05:00',
  })
  @IsInstant()
  asOf!: string;

  @ApiPropertyOptional({
    enum: TIME_AXES,
    default: 'recorded',
    description: 'recorded: what was known at asOf; occurred: what had happened by asOf, as known now',
  })
  @IsOptional()
  @IsIn(TIME_AXES)
  axis?: TimeAxis;
}
