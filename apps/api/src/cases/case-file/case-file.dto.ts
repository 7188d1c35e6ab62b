import { ApiProperty } from '@nestjs/swagger';
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
