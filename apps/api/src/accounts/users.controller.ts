import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import { CreateUserDto } from './accounts.dto';
import type { SecondFactorStatusDto } from './second-factor.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly secondFactors: SecondFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      return { id: user.id, email: user.email, name: user.name, role: user.role, timeZone: user.timeZone };
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ApiException(422, 'EMAIL_TAKEN', error.message);
      throw error;
    }
  }

  /** Open while a second factor is still to be set up, so that a client can tell that it must be. */
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

  /** Disables the account and revokes its tokens at once. */
  @Roles('admin')
  @Post(':id/disable')
  @HttpCode(200)
  async disable(@Param('id', ParseIdPipe) id: string, @CurrentUser() admin: AuthenticatedUser) {
    if (id === admin.id)
      throw new ApiException(422, 'CANNOT_DISABLE_SELF', 'An admin cannot disable their own account');
    if (!(await this.users.disable(id))) throw ApiException.notFound('No such user');
    await this.tokens.revokeAllOf(id);
    return { id, disabled: true };
  }
}
