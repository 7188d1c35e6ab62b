import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  PUBLIC_ROLES,
  type PublicRole,
  SEXES,
  type Sex,
  SOURCE_KINDS,
  type SourceKind,
  VULNERABILITIES,
  type Vulnerability,
} from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsGivenOrAnother, IsPastCalendarDate, IsPastYear, Text } from '../shared/validators';

/** What may be known of a person besides their name, at intake and in a later correction. */
export class PersonDto {
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

export class DetaineeDto extends PersonDto {
  @Text(200)
  fullName!: string;

  /** Other spellings the person is known by (transliterations, Cyrillic). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Text(200, { each: true })
  nameVariants?: string[];
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

const IDENTITY_FIELDS = [
  'fullName',
  'birthDate',
  'birthYear',
  'sex',
  'city',
  'occupation',
  'publicRoles',
  'vulnerabilities',
] as const;

/** The time fields every write has, as a class the mapped types below can combine. */
class WhenDto extends FactDto {}

/**
 * Corrects or completes who the person is: the values given replace those known before (a list given replaces the
 * list known, an empty one says none). At least one field.
 */
export class CorrectIdentityDto extends IntersectionType(WhenDto, PersonDto) {
  // Checked also when absent and nothing else is given, so that an empty correction names what it lacks.
  @ValidateIf(
    (dto: CorrectIdentityDto) => dto.fullName !== undefined || IDENTITY_FIELDS.every((f) => dto[f] === undefined),
  )
  @IsGivenOrAnother(IDENTITY_FIELDS)
  @Text(200)
  fullName?: string;

  /** When the full date of birth is not known. */
  @IsOptional()
  @IsPastYear()
  birthYear?: number;

  @IsOptional()
  @Text(200)
  occupation?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PUBLIC_ROLES.length)
  @IsIn(PUBLIC_ROLES, { each: true })
  publicRoles?: PublicRole[];
}

/** More spellings of the person's name: transliterations, Cyrillic, a nickname the family uses. */
export class AddNameVariantsDto extends FactDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Text(200, { each: true })
  variants!: string[];
}
