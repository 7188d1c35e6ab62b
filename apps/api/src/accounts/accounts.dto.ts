import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ACTOR_ROLES, type ActorRole } from '@casetrack/domain';
import { Text } from '../cases/shared/validators';

export class LoginDto {
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MaxLength(1000)
  password!: string;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class CreateUserDto {
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Text(200)
  name!: string;

  @IsIn(ACTOR_ROLES)
  role!: ActorRole;

  /** At least 12 characters; long passphrases welcome. */
  @IsString()
  @MinLength(12)
  @MaxLength(1000)
  password!: string;

  /** IANA zone such as `Asia/Almaty`; reminders are written in it. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  static validTimeZone(zone: string | undefined): boolean {
    return zone === undefined || isTimeZone(zone);
  }
}
