import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  HEARING_DECISIONS,
  type HearingDecision,
  type HearingDecisionKind,
  RELEASE_GROUNDS,
  type ReleaseGrounds,
} from '@casetrack/domain';
import { utc } from '../shared/fields';
import { IsInstant, IsMoneyAmount } from '../shared/validators';
import { HearingDetailsDto } from './hearings.dto';

/** A field given with a decision that does not take it is refused: it would otherwise be silently dropped. */
function OnlyFor(...kinds: HearingDecisionKind[]): PropertyDecorator {
  return ValidateBy({
    name: 'onlyForDecision',
    validator: {
      validate: (_value, args) => kinds.includes((args?.object as HearingDecisionDto).kind),
      defaultMessage: (args) =>
        `${args?.property ?? 'field'} is not part of a ${(args?.object as HearingDecisionDto).kind} decision`,
    },
  });
}

function needed(kind: HearingDecisionKind, field: keyof HearingDecisionDto) {
  return (dto: HearingDecisionDto): boolean => dto.kind === kind || dto[field] !== undefined;
}

/** What the court decided, with only what that decision needs. */
export class HearingDecisionDto {
  @ApiProperty({ enum: HEARING_DECISIONS, enumName: 'HearingDecisionKind' })
  @IsIn(HEARING_DECISIONS)
  kind!: HearingDecisionKind;

  @ApiProperty({ required: false, description: 'detention_ordered (required), house_arrest: the measure’s end.' })
  @ValidateIf(needed('detention_ordered', 'until'))
  @IsInstant()
  @OnlyFor('detention_ordered', 'house_arrest')
  until?: string;

  @ApiProperty({ required: false, description: 'released: on what grounds, when said.' })
  @IsOptional()
  @IsIn(RELEASE_GROUNDS)
  @OnlyFor('released')
  grounds?: ReleaseGrounds;

  @ApiProperty({ required: false, description: 'postponed (required): the hearing’s new time.' })
  @ValidateIf(needed('postponed', 'scheduledAt'))
  @IsInstant()
  @OnlyFor('postponed')
  scheduledAt?: string;

  @ApiProperty({ required: false, type: 'integer', description: 'administrative_arrest (required): its length.' })
  @ValidateIf(needed('administrative_arrest', 'days'))
  @IsInt()
  @Min(1)
  @Max(365)
  @OnlyFor('administrative_arrest')
  days?: number;

  @ApiProperty({ required: false, description: 'fine: the amount, when known.' })
  @IsOptional()
  @IsMoneyAmount()
  @Min(0)
  @Max(1e12)
  @OnlyFor('fine')
  amount?: number;

  @ApiProperty({ required: false, description: 'fine: ISO-4217 code such as `KZT`.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO-4217 code such as KZT' })
  @OnlyFor('fine')
  currency?: string;
}

/**
 * How the hearing went and what the court decided. No free-text `outcome`: the decision names it. A postponed hearing
 * takes none of the details (422 POSTPONED_NOT_HELD).
 */
export class RecordHearingDecisionDto extends HearingDetailsDto {
  @IsObject()
  @ValidateNested()
  @Type(() => HearingDecisionDto)
  decision!: HearingDecisionDto;
}

/** The domain's decision from the validated body, times in UTC and absent fields left out. */
export function hearingDecisionOf(dto: HearingDecisionDto): HearingDecision {
  switch (dto.kind) {
    case 'detention_ordered':
      return { kind: dto.kind, until: utc(dto.until as string) };
    case 'house_arrest':
      return dto.until === undefined ? { kind: dto.kind } : { kind: dto.kind, until: utc(dto.until) };
    case 'released':
      return dto.grounds === undefined ? { kind: dto.kind } : { kind: dto.kind, grounds: dto.grounds };
    case 'postponed':
      return { kind: dto.kind, scheduledAt: utc(dto.scheduledAt as string) };
    case 'administrative_arrest':
      return { kind: dto.kind, days: dto.days as number };
    case 'fine':
      return {
        kind: dto.kind,
        ...(dto.amount !== undefined ? { amount: dto.amount } : {}),
        ...(dto.currency !== undefined ? { currency: dto.currency } : {}),
      };
    case 'other':
      return { kind: dto.kind };
  }
}
