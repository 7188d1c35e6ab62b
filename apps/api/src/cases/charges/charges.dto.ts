import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  CHARGE_CODES,
  type ChargeCode,
  SANCTION_KINDS,
  type SanctionKind,
  SENTENCE_KINDS,
  type SentenceKind,
  VERDICT_OUTCOMES,
  type VerdictOutcome,
} from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsLegalNumber, IsMoneyAmount, Text } from '../shared/validators';

/** Part and title of a charge's qualification. */
class QualificationDto extends FactDto {
  @IsOptional()
  @IsLegalNumber()
  part?: string;

  @IsOptional()
  @Text(300)
  title?: string;
}

/** The qualification of a charge: article of the country's code (e.g. `272`, `255`) — data, not a fixed list. */
export class RequalifyChargeDto extends QualificationDto {
  @IsLegalNumber()
  article!: string;
}

/** A charge may be known before its article is (absent: unknown, counted under no article). */
export class BringChargeDto extends QualificationDto {
  @IsOptional()
  @IsLegalNumber()
  article?: string;

  @IsIn(CHARGE_CODES)
  code!: ChargeCode;
}

export class DropChargeDto extends FactDto {
  @Text(2000)
  reason!: string;
}

export class ImposeAdministrativeSanctionDto extends FactDto {
  @IsIn(SANCTION_KINDS)
  kind!: SanctionKind;

  @ApiProperty({ description: 'Length of an administrative arrest.', type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @IsOptional()
  @IsMoneyAmount()
  @Min(0)
  @Max(1e12)
  amount?: number;

  @ApiProperty({ description: 'ISO-4217 code such as `KZT`.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as KZT' })
  currency?: string;
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
