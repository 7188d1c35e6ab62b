import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  AUTHORITIES,
  type Authority,
  FACILITY_KINDS,
  type FacilityKind,
  RELEASE_GROUNDS,
  type ReleaseGrounds,
} from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsInstant, Text } from '../shared/validators';

export class RecordDetentionDto extends FactDto {
  @Text(100)
  city!: string;

  @Text(500)
  place!: string;

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
  /** Official code such as `LA-155/18` or `SI-18`. */
  @IsOptional()
  @Text(50)
  code?: string;

  @Text(300)
  name!: string;

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
  @IsIn(RELEASE_GROUNDS)
  grounds!: ReleaseGrounds;

  @IsOptional()
  @Text(2000)
  note?: string;
}
