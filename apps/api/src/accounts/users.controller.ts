import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AuthenticatedUser,
  CurrentUser,
  EmailTakenError,
  OpenDuringEnrolment,
  Roles,
  SecondFactorService,
  TokensService,
  UsersService,
} from '@casetrack/auth';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { ApiException } from '../common/api-exception';
import { ParseIdPipe } from '../cases/shared/case-id.pipe';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { CreateUserDto } from './accounts.dto';
import { DisabledUserSchema, MeSchema, UserSchema } from './accounts.responses';
import { LawyerDeparture } from './lawyer-departure';
import type { SecondFactorStatusDto } from './second-factor.dto';

@ApiTags('accounts')
@SignedInRoutes()
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly secondFactors: SecondFactorService,
    private readonly departure: LawyerDeparture,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiRoute({
    operationId: 'createUser',
    summary: 'Create a user (admins)',
    answer: { status: 201, type: UserSchema, description: 'Created' },
    errors: [[422, 'EMAIL_TAKEN: another user has this email']],
  })
  @Roles('admin')
  @Post()
  async create(@Body() body: CreateUserDto) {
    if (!CreateUserDto.validTimeZone(body.timeZone)) {
      throw ApiException.validation([
        { field: 'timeZone', message: 'timeZone must be an IANA time zone such as Asia/Almaty' },
      ]);
    }
    try {
      const user = await this.users.create(body);
      // The contract's answer, as before locale existed (GET /v1/users/me tells it).
      return { id: user.id, email: user.email, name: user.name, role: user.role, timeZone: user.timeZone };
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ApiException(422, 'EMAIL_TAKEN', error.message);
      throw error;
    }
  }

  @ApiRoute({
    operationId: 'getMe',
    summary: 'The signed-in user, and whether a second factor is on or required',
    description: 'Open while a second factor is still to be set up, so that a client can tell that it must be.',
    answer: { type: MeSchema, description: 'The signed-in user' },
  })
  @OpenDuringEnrolment()
  @Get('me')
  async me(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AuthenticatedUser & { secondFactor: SecondFactorStatusDto }> {
    return {
      ...user,
      secondFactor: {
        enabled: await this.secondFactors.isEnabled(user.id),
        required: this.config.signIn.requireSecondFactor.includes(user.role),
      },
    };
  }

  @ApiRoute({
    operationId: 'disableUser',
    summary: 'Disable an account and revoke its tokens at once (admins)',
    description:
      'The user is unassigned from every case they are assigned to, with a fact on each case recorded by the ' +
      '`system` actor (reason "account disabled"), so that cases in custody without a lawyer are escalated. ' +
      'Disabling again is harmless, and completes an unassigning that was interrupted.',
    ids: ['id'],
    answer: { type: DisabledUserSchema, description: 'Disabled' },
    errors: [404, [422, 'CANNOT_DISABLE_SELF: an admin cannot disable their own account']],
  })
  @Roles('admin')
  @Post(':id/disable')
  @HttpCode(200)
  async disable(@Param('id', ParseIdPipe) id: string, @CurrentUser() admin: AuthenticatedUser) {
    if (id === admin.id)
      throw new ApiException(422, 'CANNOT_DISABLE_SELF', 'An admin cannot disable their own account');
    if (!(await this.users.disable(id))) throw ApiException.notFound('No such user');
    await this.tokens.revokeAllOf(id);
    // After the account is off: no assignment of it can be decided from now on, so none is missed.
    await this.departure.unassignEverywhere(id, 'account disabled');
    return { id, disabled: true };
  }
}
