import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LOCALES } from '@casetrack/auth';
import { ACTOR_ROLES } from '@casetrack/domain';
import { Flag, Id, ListOf, Nested, OneOf, Text, Time } from '../openapi/schema-properties';
import { SecondFactorStatusDto } from './second-factor.dto';

@ApiSchema({ name: 'User' })
export class UserSchema {
  @Id()
  id!: string;

  @Text({ format: 'email' })
  email!: string;

  @Text()
  name!: string;

  @OneOf('Role', ACTOR_ROLES)
  role!: string;

  @Text({ description: 'IANA time zone, e.g. Asia/Almaty' })
  timeZone!: string;
}

@ApiSchema({ name: 'SignedInUser', description: 'A user as they see themselves: with their language' })
export class SignedInUserSchema extends UserSchema {
  @OneOf('Locale', LOCALES)
  locale!: string;
}

@ApiSchema({ name: 'SignedIn' })
export class SignedInSchema {
  @Text({ description: 'An opaque bearer token (not a JWT); send it as Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @Time()
  expiresAt!: string;

  @Nested(() => SignedInUserSchema)
  user!: SignedInUserSchema;
}

@ApiSchema({ name: 'Me', description: 'The signed-in user, and whether a second factor is on or required' })
export class MeSchema extends SignedInUserSchema {
  @Nested(() => SecondFactorStatusDto)
  secondFactor!: SecondFactorStatusDto;
}

@ApiSchema({ name: 'DisabledUser' })
export class DisabledUserSchema {
  @Id()
  id!: string;

  @ApiProperty({ type: Boolean, enum: [true] })
  disabled!: true;
}

@ApiSchema({ name: 'EnabledUser' })
export class EnabledUserSchema {
  @Id()
  id!: string;

  @ApiProperty({ type: Boolean, enum: [false] })
  disabled!: false;
}

@ApiSchema({ name: 'ListedUser', description: 'An account as the user list shows it' })
export class ListedUserSchema extends UserSchema {
  @Flag()
  disabled!: boolean;
}

@ApiSchema({ name: 'UserList' })
export class UserListSchema {
  @ListOf(() => ListedUserSchema)
  items!: ListedUserSchema[];
}

@ApiSchema({ name: 'Account', description: 'An account after a change' })
export class AccountSchema extends ListedUserSchema {
  @OneOf('Locale', LOCALES)
  locale!: string;
}

@ApiSchema({ name: 'CsrfHeader', description: 'The header every change made with the session cookie must carry' })
export class CsrfHeaderSchema {
  @ApiProperty({ type: String, enum: ['X-CSRF-Token'] })
  header!: string;

  @Text({ description: 'Its value: keep it in memory only (never in storage); GET /v1/auth/session answers it again' })
  token!: string;
}

@ApiSchema({
  name: 'ConsoleSession',
  description:
    'The console’s session: who is signed in, and the CSRF header to send with every POST, PUT, PATCH and DELETE. ' +
    'The session itself is the httpOnly cookie, which page scripts cannot read',
})
export class ConsoleSessionSchema {
  @Nested(() => SignedInUserSchema)
  user!: SignedInUserSchema;

  @Nested(() => CsrfHeaderSchema)
  csrf!: CsrfHeaderSchema;
}

@ApiSchema({ name: 'PasswordResetLink', description: 'A one-time link to set a new password, shown this once' })
export class PasswordResetLinkSchema {
  @Text({
    format: 'uri',
    description: 'The console’s page with the token after `#` (never sent to a server by a browser); works once',
  })
  url!: string;

  @Time()
  expiresAt!: string;
}
