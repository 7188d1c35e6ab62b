import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenEntity } from './access-token.entity';
import { AuthGuard } from './auth.guard';
import { LoginLimiter } from './login-limiter';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService } from './password-reset.service';
import { SecondFactorService } from './second-factor/second-factor.service';
import { SignInService } from './sign-in.service';
import { TokensService } from './tokens.service';
import { UserDirectory } from './user-directory';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** What the rest of the application uses of accounts and sign-in. */
const SERVICES = [
  UsersService,
  TokensService,
  LoginLimiter,
  SecondFactorService,
  SignInService,
  UserDirectory,
  PasswordChangeService,
  PasswordResetService,
];

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, AccessTokenEntity])],
  providers: [...SERVICES, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: SERVICES,
})
export class AuthModule {}
