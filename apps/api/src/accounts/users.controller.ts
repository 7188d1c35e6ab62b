import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AuthenticatedUser,
  CurrentUser,
  EmailTakenError,
  Roles,
  TokensService,
  UsersService,
} from '@casetrack/auth';
import { ApiException } from '../common/api-exception';
import { ParseIdPipe } from '../cases/shared/case-id.pipe';
import { CreateUserDto } from './accounts.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
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

  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
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
