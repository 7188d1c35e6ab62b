import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  ACCESS_DENIED_TO,
  type AccessDeniedTo,
  DEATH_CIRCUMSTANCES,
  type DeathCircumstances,
  MEDICAL_KINDS,
  type MedicalKind,
  SENTENCE_KINDS,
  type SentenceKind,
  VERDICT_OUTCOMES,
  type VerdictOutcome,
} from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsId, Text } from '../shared/validators';

export class RecordAccessDenialDto extends FactDto {
  @IsIn(ACCESS_DENIED_TO)
  who!: AccessDeniedTo;

  /** Who refused access (facility staff, investigator...). */
  @IsOptional()
  @Text(300)
  by?: string;

  @IsOptional()
  @Text(10000)
  details?: string;
}

export class RecordMedicalFactDto extends FactDto {
  @IsIn(MEDICAL_KINDS)
  kind!: MedicalKind;

  @Text(10000)
  details!: string;
}

export class SentenceDto {
  @IsIn(SENTENCE_KINDS)
  kind!: SentenceKind;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1200)
  months?: number;
}

export class DeliverVerdictDto extends FactDto {
  @IsIn(VERDICT_OUTCOMES)
  outcome!: VerdictOutcome;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SentenceDto)
  sentence?: SentenceDto;
}

export class RecordDeathDto extends FactDto {
  @IsIn(DEATH_CIRCUMSTANCES)
  circumstances!: DeathCircumstances;

  @IsOptional()
  @IsBoolean()
  bodyReleased?: boolean;

  @IsOptional()
  @Text(10000)
  details?: string;
}

export class AddNoteDto extends FactDto {
  @Text(20000)
  text!: string;
}

export class RetractFactDto extends FactDto {
  /** The event of this case that should stop counting; it stays in the timeline. */
  @IsId()
  eventId!: string;

  @Text(2000)
  reason!: string;
}
