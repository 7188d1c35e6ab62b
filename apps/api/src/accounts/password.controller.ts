import { Body, Controller, HttpCode, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type AuthenticatedRequest,
  type AuthenticatedUser,
  CurrentUser,
  OpenDuringEnrolment,
  PasswordChangeService,
} from '@casetrack/auth';
import { ApiException } from '../common/api-exception';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { ChangePasswordDto } from './account-changes.dto';
import { throttled } from './sign-in-errors';

@ApiTags('accounts')
@SignedInRoutes()
@Controller('v1/users/me/password')
export class PasswordController {
  constructor(private readonly passwords: PasswordChangeService) {}

  @ApiRoute({
    operationId: 'changePassword',
    summary: 'Change your password; every other session of yours ends, this one stays',
    answer: { status: 204, description: 'Changed' },
    errors: [
      [422, 'WRONG_PASSWORD: currentPassword is not your password (counted as a failed sign-in)'],
      [429, 'RATE_LIMITED (wrong passwords count as failed sign-ins), with Retry-After'],
    ],
  })
  // A user who must set up a second factor may still change a password they fear is known.
  @OpenDuringEnrolment()
  @Put()
  @HttpCode(204)
  async change(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request & AuthenticatedRequest,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    const outcome = await this.passwords.change({
      user,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      clientAddress: request.ip,
      keepToken: request.accessToken,
    });
    switch (outcome.kind) {
      case 'changed':
        return;
      case 'wrong-password':
        throw new ApiException(422, 'WRONG_PASSWORD', 'The current password is wrong');
      case 'throttled':
        throw throttled(outcome.retryAfterSeconds);
    }
  }
}
