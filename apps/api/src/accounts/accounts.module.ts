import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '@casetrack/auth';
import { AccountAdminController } from './account-admin.controller';
import { AuthController } from './auth.controller';
import { LawyerDeparture } from './lawyer-departure';
import { PasswordController } from './password.controller';
import { PasswordResetController } from './password-reset.controller';
import { SecondFactorController } from './second-factor.controller';
import { SessionController } from './session.controller';
import { UsersController } from './users.controller';

/** Signing in and out, accounts, and what an account change implies for cases (through the command bus). */
@Module({
  imports: [CqrsModule, AuthModule],
  controllers: [
    AuthController,
    PasswordController,
    PasswordResetController,
    UsersController,
    AccountAdminController,
    SecondFactorController,
    SessionController,
  ],
  providers: [LawyerDeparture],
})
export class AccountsModule {}
