import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { type ComplaintStatus } from '@casetrack/domain';
import { IsId } from '../../cases/shared/validators';
import { BooleanFromQuery, PageDto } from '../shared/page.dto';

const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['awaiting', 'answered', 'withdrawn'];

export class ListComplaintsDto extends PageDto {
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiProperty({ description: '`true`: awaiting an answer past its due date; `false`: all others.' })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean()
  overdue?: boolean;

  @IsOptional()
  @IsId()
  caseId?: string;
}
