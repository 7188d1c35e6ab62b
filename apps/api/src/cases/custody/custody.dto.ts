import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ACCESS_DENIED_TO,
  type AccessDeniedTo,
  AUTHORITIES,
  type Authority,
  DEATH_CAUSES,
  DEATH_CIRCUMSTANCES,
  type DeathCause,
  type DeathCircumstances,
  FACILITY_KINDS,
  type FacilityKind,
  MEDICAL_KINDS,
  type MedicalKind,
  RELEASE_GROUNDS,
  type ReleaseGrounds,
} from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsInstant, Text } from '../shared/validators';

/** City and place are left out when nobody knows them (absent means unknown, never a placeholder word). */
export class RecordDetentionDto extends FactDto {
  @IsOptional()
  @Text(100)
  city?: string;

  @IsOptional()
  @Text(500)
  place?: string;

  @IsIn(AUTHORITIES)
  authority!: Authority;

  @IsOptional()
  @Text(10000)
  circumstances?: string;

  @IsOptional()
  @Text(10000)
  injuries?: string;
}

export class ReportWhereaboutsUnknownDto extends FactDto {
  @IsOptional()
  @Text(200)
  reportedBy?: string;
}

export class FacilityDto {
  @ApiProperty({ description: 'Official code such as `LA-155/18` or `SI-18`.' })
  @IsOptional()
  @Text(50)
  code?: string;

  /** Required without a code: a facility is known by its code, its name or both. */
  @ValidateIf((facility: FacilityDto) => facility.name !== undefined || facility.code === undefined)
  @Text(300)
  name?: string;

  @Text(100)
  city!: string;

  @IsIn(FACILITY_KINDS)
  kind!: FacilityKind;
}

export class TransferDetaineeDto extends FactDto {
  @IsObject()
  @ValidateNested()
  @Type(() => FacilityDto)
  facility!: FacilityDto;
}

export class ReleaseToHouseArrestDto extends FactDto {
  @IsOptional()
  @IsInstant()
  until?: string;

  @IsOptional()
  @Text(500)
  address?: string;

  @IsOptional()
  @Text(2000)
  conditions?: string;
}

export class ReleaseDto extends FactDto {
  @IsOptional()
  @IsIn(RELEASE_GROUNDS)
  grounds?: ReleaseGrounds;

  @IsOptional()
  @Text(2000)
  note?: string;
}

export class RecordAccessDenialDto extends FactDto {
  @IsIn(ACCESS_DENIED_TO)
  who!: AccessDeniedTo;

  @ApiProperty({ description: 'Who refused access (facility staff, investigator...).' })
  @IsOptional()
  @Text(300)
  by?: string;

  @IsOptional()
  @Text(10000)
  details?: string;
}

/** Access given again: ends the denial to `who` that was open when it occurred. */
export class RecordAccessGrantedDto extends FactDto {
  @IsIn(ACCESS_DENIED_TO)
  who!: AccessDeniedTo;
}

export class RecordMedicalFactDto extends FactDto {
  @IsIn(MEDICAL_KINDS)
  kind!: MedicalKind;

  @Text(10000)
  details!: string;
}

export class RecordDeathDto extends FactDto {
  @IsIn(DEATH_CIRCUMSTANCES)
  circumstances!: DeathCircumstances;

  /** What caused the death, beside where it happened; absent or empty: not known. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DEATH_CAUSES.length)
  @IsIn(DEATH_CAUSES, { each: true })
  causes?: DeathCause[];

  @IsOptional()
  @IsBoolean()
  bodyReleased?: boolean;

  @IsOptional()
  @Text(10000)
  details?: string;
}
