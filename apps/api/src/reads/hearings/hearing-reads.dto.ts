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

  @ApiProperty({
    description:
      "The court as a person types it: each word somewhere in the court's name; case, ё/е and punctuation aside.",
  })
  @IsOptional()
  @Text(300)
  court?: string;
}

export class ListHearingCourtsDto {
  @ApiProperty({ description: 'From this time on (inclusive), e.g. the day’s start in the reader’s time zone.' })
  @IsInstant()
  from!: string;

  @ApiProperty({ description: 'Up to this time (inclusive); at most 31 days after from.' })
  @IsInstant()
  to!: string;
}
