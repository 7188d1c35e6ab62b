import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ESCALATION_REASONS, type EscalationReason } from '@casetrack/read-model';
import { PageDto } from '../shared/page.dto';

export class ListEscalationsDto extends PageDto {
  @ApiPropertyOptional({ enum: ESCALATION_REASONS, description: 'Only this reason' })
  @IsOptional()
  @IsIn(ESCALATION_REASONS)
  reason?: EscalationReason;
}
