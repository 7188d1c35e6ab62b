import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { SEXES, type Sex, SOURCE_KINDS, type SourceKind, VULNERABILITIES, type Vulnerability } from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsPastCalendarDate, Text } from '../shared/validators';

export class DetaineeDto {
  @Text(200)
  fullName!: string;

  /** Other spellings the person is known by (transliterations, Cyrillic). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Text(200, { each: true })
  nameVariants?: string[];

  @IsOptional()
  @IsPastCalendarDate()
  birthDate?: string;

  @IsOptional()
  @IsIn(SEXES)
  sex?: Sex;

  @IsOptional()
  @Text(100)
  city?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VULNERABILITIES.length)
  @IsIn(VULNERABILITIES, { each: true })
  vulnerabilities?: Vulnerability[];
}

export class SourceDto {
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @IsOptional()
  @Text(500)
  reference?: string;
}

export class OpenCaseDto extends FactDto {
  @IsObject()
  @ValidateNested()
  @Type(() => DetaineeDto)
  detainee!: DetaineeDto;

  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source!: SourceDto;
}
