import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  COMPLAINT_BODIES,
  COMPLAINT_OUTCOMES,
  type ComplaintBody,
  type ComplaintOutcome,
  PRESSURE_KINDS,
  type PressureKind,
} from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsId, IsInstant, Text } from '../shared/validators';

export class FileComplaintDto extends FactDto {
  @ApiProperty({ description: 'The torture allegation the complaint is about, if any.' })
  @IsOptional()
  @IsId()
  allegationId?: string;

  @IsIn(COMPLAINT_BODIES)
  filedWith!: ComplaintBody;

  @IsOptional()
  @Text(200)
  reference?: string;

  @ApiProperty({ description: 'When an answer is due by law; after it the complaint counts as overdue.' })
  @IsOptional()
  @IsInstant()
  responseDueAt?: string;
}

export class RecordComplaintResponseDto extends FactDto {
  @IsIn(COMPLAINT_OUTCOMES)
  outcome!: ComplaintOutcome;

  @IsOptional()
  @Text(200)
  reference?: string;

  @IsOptional()
  @Text(10000)
  note?: string;
}

/** Pressure on the complainant to withdraw (threats of prosecution for "false information"...). */
export class RecordComplainantPressureDto extends FactDto {
  @IsOptional()
  @Text(300)
  by?: string;

  @Text(10000)
  details!: string;
}

/** Pressure on the detainee or their family that is not tied to one complaint. */
export class ReportPressureDto extends RecordComplainantPressureDto {
  @IsOptional()
  @IsIn(PRESSURE_KINDS)
  kind?: PressureKind;
}

export class WithdrawComplaintDto extends FactDto {
  @Text(2000)
  reason!: string;
}
