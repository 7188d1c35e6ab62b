import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, type Locale } from '@casetrack/auth';
import { ACTOR_ROLES, type ActorRole } from '@casetrack/domain';
import { Text } from '../cases/shared/validators';
import { BooleanFromQuery } from '../reads/shared/page.dto';
import { IsTimeZone } from '../common/is-time-zone';

export class ListUsersDto {
  @IsOptional()
  @IsIn(ACTOR_ROLES)
  role?: ActorRole;

  @ApiPropertyOptional({ description: 'Part of the name or the email, in any case' })
  @IsOptional()
  @Text(200)
  q?: string;

  @ApiPropertyOptional({ description: '`true`: disabled accounts too (admins only; others never see them)' })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean()
  includeDisabled?: boolean;
}

/** What an admin changes of an account; absent fields stay as they are. */
export class UpdateUserDto {
  @IsOptional()
  @Text(200)
  name?: string;

  @ApiPropertyOptional({
    description: "A change of role ends the user's sessions; a lawyer who stops being one leaves every case",
  })
  @IsOptional()
  @IsIn(ACTOR_ROLES)
  role?: ActorRole;

  @ApiPropertyOptional({ description: 'IANA zone such as `Asia/Almaty`' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  currentPassword!: string;

  @ApiProperty({ description: 'At least 12 characters; long passphrases welcome.' })
  @IsString()
  @MinLength(12)
  @MaxLength(1000)
  newPassword!: string;
}
