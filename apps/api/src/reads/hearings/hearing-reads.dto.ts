import { IsOptional } from 'class-validator';
import { IsId, IsInstant, Text } from '../../cases/shared/validators';
import { PageDto } from '../shared/page.dto';

export class ListHearingsDto extends PageDto {
  /** From this time on (inclusive); default now. */
  @IsOptional()
  @IsInstant()
  from?: string;

  /** Up to this time (inclusive); default no end. */
  @IsOptional()
  @IsInstant()
  to?: string;

  @IsOptional()
  @IsId()
  lawyerId?: string;

  /** Part of the court's name, case-insensitive. */
  @IsOptional()
  @Text(300)
  court?: string;
}
