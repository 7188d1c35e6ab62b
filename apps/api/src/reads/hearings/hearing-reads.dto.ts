import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsId, IsInstant, Text } from '../../cases/shared/validators';
import { PageDto } from '../shared/page.dto';

export class ListHearingsDto extends PageDto {
  @ApiProperty({ description: 'From this time on (inclusive); default now.' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiProperty({ description: 'Up to this time (inclusive); default no end.' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @IsOptional()
  @IsId()
  lawyerId?: string;

  @ApiProperty({ description: "Part of the court's name, case-insensitive." })
  @IsOptional()
  @Text(300)
  court?: string;
}
