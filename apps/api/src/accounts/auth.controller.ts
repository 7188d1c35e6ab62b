import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type AuthenticatedRequest,
  OpenDuringEnrolment,
  Public,
  SignInService,
  TokensService,
  toAuthenticatedUser,
} from '@casetrack/auth';
import { LoginDto } from './accounts.dto';
import { ApiRoute, PublicRoute, SignedInRoutes } from '../openapi/api-route';
import { SignedInSchema } from './accounts.responses';
import { signInRefused } from './sign-in-errors';

@ApiTags('accounts')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly tokens: TokensService,
  ) {}

  @ApiRoute({
    operationId: 'login',
    summary: 'Sign in with email, password and, once the account has a second factor, otp',
    answer: { type: SignedInSchema, description: 'An opaque access token, when it expires, and who signed in' },
    errors: [
      400,
      [401, 'UNAUTHENTICATED (one message for an unknown email and a wrong password), or SECOND_FACTOR_REQUIRED'],
      [
        429,
        'RATE_LIMITED, with Retry-After: growing waits after repeated failures for this account from this address, ' +
          'or too many failures for the account from everywhere (addresses that signed in before are exempt)',
      ],
      503,
    ],
  })
  @PublicRoute()
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: Request) {
    const outcome = await this.signIn.signIn({
      email: body.email,
      password: body.password,
      otp: body.otp,
      clientAddress: request.ip,
    });
    if (outcome.kind !== 'signed-in') throw signInRefused(outcome);
    return {
      accessToken: outcome.token.accessToken,
      expiresAt: outcome.token.expiresAt.toISOString(),
      user: toAuthenticatedUser(outcome.user),
    };
  }

  @ApiRoute({
    operationId: 'logout',
    summary: 'Sign out: the token is revoked at once',
    answer: { status: 204, description: 'Signed out' },
  })
  @SignedInRoutes()
  @OpenDuringEnrolment()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    if (request.accessToken) await this.tokens.revoke(request.accessToken);
  }
}
