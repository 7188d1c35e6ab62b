import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, type Locale } from '@casetrack/auth';
import { ACTOR_ROLES, type ActorRole } from '@casetrack/domain';
import { Text } from '../cases/shared/validators';
import { isTimeZone } from '@casetrack/i18n';

export class LoginDto {
  @ApiProperty({ maxLength: 320 })
  @IsString()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  password!: string;

  @ApiPropertyOptional({
    description:
      'The second factor, once the account has one: a 6-digit code from the authenticator app, or one of the ' +
      'recovery codes (each works once). Without it such an account answers 401 SECOND_FACTOR_REQUIRED.',
    example: '492039',
    maxLength: 32,
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  otp?: string;
}

export class CreateUserDto {
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Text(200)
  name!: string;

  @IsIn(ACTOR_ROLES)
  role!: ActorRole;

  @ApiProperty({ description: 'At least 12 characters; long passphrases welcome.' })
  @IsString()
  @MinLength(12)
  @MaxLength(1000)
  password!: string;

  @ApiProperty({ description: 'IANA zone such as `Asia/Almaty`; reminders are written in it.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The language of their messages and dossiers; `en` if absent.' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  static validTimeZone(zone: string | undefined): boolean {
    return zone === undefined || isTimeZone(zone);
  }
}
