import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LINK_RELATIONS, type LinkRelation } from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsId, Text } from '../shared/validators';

export class AddNoteDto extends FactDto {
  @Text(20000)
  text!: string;
}

export class RetractFactDto extends FactDto {
  @ApiProperty({ description: 'The event of this case that should stop counting; it stays in the timeline.' })
  @IsId()
  eventId!: string;

  @Text(2000)
  reason!: string;
}

export class LinkCaseDto extends FactDto {
  @ApiProperty({ description: 'The other case; it must exist and the caller must be allowed to see it.' })
  @IsId()
  caseId!: string;

  @IsIn(LINK_RELATIONS)
  relation!: LinkRelation;

  @ApiProperty({
    description: 'Why the cases are related; may name people, so it is sensitive (erased with the case).',
  })
  @IsOptional()
  @Text(2000)
  note?: string;
}
