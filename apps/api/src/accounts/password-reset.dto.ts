import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class UsePasswordResetDto {
  @ApiProperty({ description: 'The token of the one-time link (what follows `#` in its URL)', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  token!: string;

  @ApiProperty({ description: 'At least 12 characters; long passphrases welcome.' })
  @IsString()
  @MinLength(12)
  @MaxLength(1000)
  newPassword!: string;
}
