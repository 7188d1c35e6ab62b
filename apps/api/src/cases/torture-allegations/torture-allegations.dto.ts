import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CONSENTS, type Consent, TORTURE_METHODS, type TortureMethod } from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsInstant, Text } from '../shared/validators';

export class EvidenceDto {
  @ApiProperty({ description: 'e.g. `medical_report`, `photo`, `video`, `forensic_exam`.' })
  @Text(50)
  kind!: string;

  @ApiProperty({ description: 'Where the evidence is kept (archive reference, file name); never the content itself.' })
  @Text(1000)
  reference!: string;

  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/i, { message: 'sha256 must be 64 hexadecimal characters' })
  sha256?: string;
}

export class RecordTortureAllegationDto extends FactDto {
  @IsInstant()
  periodFrom!: string;

  @IsOptional()
  @IsInstant()
  periodTo?: string;

  @IsOptional()
  @Text(300)
  facility?: string;

  /** Absent or empty: the methods were not described (not "none were used"). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TORTURE_METHODS.length)
  @IsIn(TORTURE_METHODS, { each: true })
  methods?: TortureMethod[];

  @ApiProperty({ description: 'Perpetrators as the victim describes them.' })
  @IsOptional()
  @Text(10000)
  perpetrators?: string;

  @IsOptional()
  @Text(10000)
  injuries?: string;

  @IsOptional()
  @Text(10000)
  witnesses?: string;

  @ApiProperty({ description: 'The person’s own account of what was done to them: testimony, withheld like the rest.' })
  @IsOptional()
  @Text(50000)
  account?: string;

  @ApiProperty({ type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];

  @ApiProperty({
    description: 'What the victim agreed to: publish in full, anonymised, or internal use only (the default).',
  })
  @IsOptional()
  @IsIn(CONSENTS)
  consent?: Consent;
}
