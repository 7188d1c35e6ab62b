import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MEASURES, type Measure } from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsId, IsInstant } from '../shared/validators';

export class ImposePreventiveMeasureDto extends FactDto {
  @IsIn(MEASURES)
  measure!: Measure;

  @ApiProperty({ description: 'When the measure ends unless extended; pre-trial detention normally has one.' })
  @IsOptional()
  @IsInstant()
  until?: string;

  @ApiProperty({ description: 'The hearing that decided it.' })
  @IsOptional()
  @IsId()
  hearingId?: string;
}

export class ExtendPreventiveMeasureDto extends FactDto {
  @IsInstant()
  until!: string;

  @ApiProperty({
    description:
      'Which measure was extended. Needed only when no measure in force is recorded: the extension is then its first news.',
  })
  @IsOptional()
  @IsIn(MEASURES)
  measure?: Measure;

  @IsOptional()
  @IsId()
  hearingId?: string;
}
