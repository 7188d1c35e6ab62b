import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type AuthenticatedUser, CurrentUser, PasswordResetService, Public, Roles } from '@casetrack/auth';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { ParseIdPipe } from '../cases/shared/case-id.pipe';
import { ApiException } from '../common/api-exception';
import { ApiRoute, PublicRoute, SignedInRoutes } from '../openapi/api-route';
import { PasswordResetLinkSchema } from './accounts.responses';
import { UsePasswordResetDto } from './password-reset.dto';
import { throttled } from './sign-in-errors';

/** Where the console sets a password from a reset link; the token travels in the fragment, never to a server log. */
export const RESET_PAGE = '/password-reset';

/** An admin's one-time link for a user who lost their password, and its use. */
@ApiTags('accounts')
@Controller('v1')
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiRoute({
    operationId: 'createPasswordReset',
    summary: 'A one-time link for the user to set a new password (admins), shown once',
    description:
      'Ends every session and token of the user at once and withdraws any earlier link. The link works once, for ' +
      'two hours; only its hash is kept.',
    ids: ['id'],
    answer: { status: 201, type: PasswordResetLinkSchema, description: 'The link, this once' },
    errors: [404, [422, 'USER_DISABLED: enable the account first']],
  })
  @SignedInRoutes()
  @Roles('admin')
  @Post('users/:id/password-reset')
  async create(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<{ url: string; expiresAt: string }> {
    const outcome = await this.resets.issue(id, admin.id);
    switch (outcome.kind) {
      case 'no-such-user':
        throw ApiException.notFound('No such user');
      case 'user-disabled':
        throw new ApiException(422, 'USER_DISABLED', 'The account is disabled; enable it first');
      case 'issued':
        return {
          url: `${this.config.delivery.publicUrl}${RESET_PAGE}#${outcome.token}`,
          expiresAt: outcome.expiresAt.toISOString(),
        };
    }
  }

  @ApiRoute({
    operationId: 'usePasswordReset',
    summary: 'Set a new password with a one-time link’s token (no sign-in); every session of the user ends',
    answer: { status: 204, description: 'The password is set; sign in with it' },
    errors: [
      400,
      [422, 'PASSWORD_RESET_INVALID: the token is unknown, used, expired or withdrawn, or the account disabled'],
      [429, 'RATE_LIMITED, with Retry-After: wrong tokens count as failed sign-ins from this address'],
      503,
    ],
  })
  @PublicRoute()
  @Public()
  @Post('auth/password-reset')
  @HttpCode(204)
  async use(@Body() body: UsePasswordResetDto, @Req() request: Request): Promise<void> {
    const outcome = await this.resets.use(body.token, body.newPassword, request.ip);
    switch (outcome.kind) {
      case 'reset':
        return;
      case 'invalid':
        throw new ApiException(
          422,
          'PASSWORD_RESET_INVALID',
          'This link does not work (used, expired or replaced); ask an administrator for a new one',
        );
      case 'throttled':
        throw throttled(outcome.retryAfterSeconds);
    }
  }
}
