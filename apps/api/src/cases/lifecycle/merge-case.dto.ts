import { ApiProperty } from '@nestjs/swagger';
import { FactDto } from '../shared/fact.dto';
import { IsId, Text } from '../shared/validators';

export class MergeCaseDto extends FactDto {
  @ApiProperty({
    description: 'The case this one duplicates (the survivor); it must exist, be visible to the caller, not be merged.',
  })
  @IsId()
  intoCaseId!: string;

  @ApiProperty({ description: 'Why the cases are the same person; may name people, so it is sensitive.' })
  @Text(2000)
  reason!: string;
}
