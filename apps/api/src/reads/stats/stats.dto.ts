import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Text } from '../../cases/shared/validators';
import { IsCalendarDate, NotBefore } from '../shared/calendar-date';
import { BooleanFromQuery } from '../shared/page.dto';

/** The cases the statistics count; unknown parameters and malformed dates are refused (400), never ignored. */
export class StatsQueryDto {
  @ApiProperty({
    description:
      'Only cases whose first recorded detention was on or after this day (`YYYY-MM-DD`). A detention known to the ' +
      'day, month or year counts when the whole period the writer gave lies within from..to (00:30 +06:00 on 8 ' +
      'January known to the day is the 8th); one known to the minute or approximately, by its day in the ' +
      "caller's time zone; one whose time is unknown, or a case with no detention recorded, only without a period.",
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiProperty({ description: 'Only cases whose first recorded detention was on or before this day (as `from`).' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;

  @ApiProperty({ description: "The case's city, case-insensitive." })
  @IsOptional()
  @Text(200)
  city?: string;

  @ApiProperty({ type: Boolean, description: '`true`: only closed cases; `false`: only open ones. Default: both.' })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean()
  closed?: boolean;
}
