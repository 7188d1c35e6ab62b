import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { TimeAxis } from '@casetrack/domain';
import { IsInstant } from '../../cases/shared/validators';
import { TIME_AXES } from '../history/history.dto';

/** Without `after` and `until`: the whole timeline, as before. */
export class TimelineQueryDto {
  @ApiPropertyOptional({
    enum: TIME_AXES,
    default: 'recorded',
    description: 'Which time `after` and `until` bound: recorded (what we learnt) or occurred (what happened)',
  })
  @IsOptional()
  @IsIn(TIME_AXES)
  axis?: TimeAxis;

  @ApiPropertyOptional({
    description:
      'Only facts whose time on the axis is after this instant: with `until`, exactly the facts by which ' +
      'GET history at `until` differs from history at `after` on the same axis',
    example: '2022-01-10T00:00:00+05:00',
  })
  @IsOptional()
  @IsInstant()
  after?: string;

  @ApiPropertyOptional({ description: 'Only facts whose time on the axis is at or before this instant' })
  @IsOptional()
  @IsInstant()
  until?: string;
}
