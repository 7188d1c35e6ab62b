import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { HEARING_KINDS, HEARING_TIME_PRECISIONS, type HearingKind, type HearingTimePrecision } from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsInstant, Text } from '../shared/validators';

export class ScheduleHearingDto extends FactDto {
  @IsIn(HEARING_KINDS)
  kind!: HearingKind;

  @Text(300)
  court!: string;

  @IsOptional()
  @Text(200)
  judge?: string;

  @IsInstant()
  scheduledAt!: string;

  @ApiProperty({ description: '`day` when only the day is known (scheduledAt is then its midnight); default exact.' })
  @IsOptional()
  @IsIn(HEARING_TIME_PRECISIONS)
  scheduledAtPrecision?: HearingTimePrecision;

  @ApiProperty({ description: 'Where it is held when not in the courthouse, e.g. inside the detention facility.' })
  @IsOptional()
  @Text(300)
  location?: string;
}

export class RescheduleHearingDto extends FactDto {
  @IsInstant()
  scheduledAt!: string;

  @ApiProperty({ description: '`day` when only the new day is known; default exact.' })
  @IsOptional()
  @IsIn(HEARING_TIME_PRECISIONS)
  scheduledAtPrecision?: HearingTimePrecision;

  @IsOptional()
  @Text(2000)
  reason?: string;
}

export class CancelHearingDto extends FactDto {
  @Text(2000)
  reason!: string;
}

/** How a held hearing went, as its outcome and a decision at it (hearing-decision.dto.ts) both record it. */
export class HearingDetailsDto extends FactDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 60)
  durationMinutes?: number;

  @IsOptional()
  @IsBoolean()
  defendantHeard?: boolean;

  @IsOptional()
  @IsBoolean()
  lawyerPresent?: boolean;

  @IsOptional()
  @Text(10000)
  notes?: string;
}

export class RecordHearingOutcomeDto extends HearingDetailsDto {
  @Text(2000)
  outcome!: string;
}
