import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type AuthenticatedRequest,
  type AuthenticatedUser,
  CurrentUser,
  OpenDuringEnrolment,
  Roles,
  SecondFactorService,
  UsersService,
} from '@casetrack/auth';
import { ApiException } from '../common/api-exception';
import { ParseIdPipe } from '../cases/shared/case-id.pipe';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { throttled } from './sign-in-errors';
import {
  RecoveryCodesDto,
  SecondFactorCodeDto,
  SecondFactorEnrolmentDto,
  SecondFactorResetDto,
} from './second-factor.dto';

const ALREADY_ENABLED = (): ApiException =>
  new ApiException(422, 'SECOND_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on for this account');
const WRONG_CODE = (): ApiException =>
  new ApiException(422, 'SECOND_FACTOR_INVALID', 'The code is wrong, expired or already used');

/** Two-factor sign-in (TOTP, RFC 6238) from the user's own account, and an admin's reset of someone else's. */
@ApiTags('accounts')
@SignedInRoutes()
@Controller('v1/users')
export class SecondFactorController {
  constructor(
    private readonly secondFactors: SecondFactorService,
    private readonly users: UsersService,
  ) {}

  @ApiRoute({
    operationId: 'startSecondFactor',
    summary: 'Start (or restart) setting up two-factor sign-in: a new secret for the authenticator app',
    answer: { status: 201, type: SecondFactorEnrolmentDto, description: 'The secret, to confirm with a first code' },
    errors: [[422, 'SECOND_FACTOR_ALREADY_ENABLED']],
  })
  @OpenDuringEnrolment()
  @Post('me/2fa')
  async enrol(@CurrentUser() user: AuthenticatedUser): Promise<SecondFactorEnrolmentDto> {
    const outcome = await this.secondFactors.enrol(user);
    if (outcome.kind === 'already-enabled') throw ALREADY_ENABLED();
    return { secret: outcome.secret, otpauthUrl: outcome.otpauthUrl };
  }

  @ApiRoute({
    operationId: 'confirmSecondFactor',
    summary: 'Confirm two-factor sign-in with a first code; answers the recovery codes and ends other sessions',
    answer: { type: RecoveryCodesDto, description: 'Two-factor sign-in is on' },
    errors: [[422, 'SECOND_FACTOR_INVALID, SECOND_FACTOR_NOT_STARTED or SECOND_FACTOR_ALREADY_ENABLED']],
  })
  @OpenDuringEnrolment()
  @Post('me/2fa/confirm')
  @HttpCode(200)
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: AuthenticatedRequest,
    @Body() body: SecondFactorCodeDto,
  ): Promise<RecoveryCodesDto> {
    const outcome = await this.secondFactors.confirm(user.id, body.code, request.accessToken);
    switch (outcome.kind) {
      case 'enabled':
        return { recoveryCodes: outcome.recoveryCodes };
      case 'already-enabled':
        throw ALREADY_ENABLED();
      case 'not-started':
        throw new ApiException(422, 'SECOND_FACTOR_NOT_STARTED', 'Start with POST /v1/users/me/2fa');
      case 'wrong-code':
        throw WRONG_CODE();
    }
  }

  @ApiRoute({
    operationId: 'disableSecondFactor',
    summary: 'Switch two-factor sign-in off with a code or a recovery code; recorded, and every session ends',
    answer: { status: 204, description: 'Two-factor sign-in is off' },
    errors: [
      [422, 'SECOND_FACTOR_INVALID or SECOND_FACTOR_NOT_ENABLED'],
      [429, 'RATE_LIMITED (wrong codes count as failed sign-ins), with Retry-After'],
    ],
  })
  @Delete('me/2fa')
  @HttpCode(204)
  async disable(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Body() body: SecondFactorCodeDto,
  ): Promise<void> {
    const outcome = await this.secondFactors.disable(user, body.code, request.ip);
    switch (outcome.kind) {
      case 'disabled':
        return;
      case 'not-enabled':
        throw new ApiException(422, 'SECOND_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not on for this account');
      case 'wrong-code':
        throw WRONG_CODE();
      case 'throttled':
        throw throttled(outcome.retryAfterSeconds);
    }
  }

  @ApiRoute({
    operationId: 'resetSecondFactor',
    summary: "Reset another user's second factor (a lost phone); recorded, and every session of theirs ends",
    ids: ['id'],
    answer: {
      type: SecondFactorResetDto,
      description: 'The user signs in with a password alone until they set one up',
    },
    errors: [404, [422, 'CANNOT_RESET_SELF: switch your own off with DELETE /v1/users/me/2fa']],
  })
  @Roles('admin')
  @Post(':id/2fa/reset')
  @HttpCode(200)
  async reset(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<SecondFactorResetDto> {
    // Without this an admin could drop their own second factor without the code DELETE asks for.
    if (id === admin.id) {
      throw new ApiException(
        422,
        'CANNOT_RESET_SELF',
        'Switch your own second factor off with DELETE /v1/users/me/2fa',
      );
    }
    if (!(await this.users.findById(id))) throw ApiException.notFound('No such user');
    await this.secondFactors.remove(id, admin.id);
    return { id, secondFactorEnabled: false };
  }
}
