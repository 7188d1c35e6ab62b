import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ACTOR_ROLES } from '@casetrack/domain';
import { Id, Nested, OneOf, Text, Time } from '../openapi/schema-properties';
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

@ApiSchema({ name: 'SignedIn' })
export class SignedInSchema {
  @Text({ description: 'An opaque bearer token (not a JWT); send it as Authorization: Bearer <accessToken>' })
  accessToken!: string;

  @Time()
  expiresAt!: string;

  @Nested(() => UserSchema)
  user!: UserSchema;
}

@ApiSchema({ name: 'Me', description: 'The signed-in user, and whether a second factor is on or required' })
export class MeSchema extends UserSchema {
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
