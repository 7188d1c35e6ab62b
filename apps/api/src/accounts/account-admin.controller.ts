import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AuthenticatedUser,
  CurrentUser,
  type ListedUser,
  Roles,
  TokensService,
  UserDirectory,
  type UserEntity,
  UsersService,
} from '@casetrack/auth';
import { ApiException } from '../common/api-exception';
import { ParseIdPipe } from '../cases/shared/case-id.pipe';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { ListUsersDto, UpdateUserDto } from './account-changes.dto';
import { AccountSchema, EnabledUserSchema, UserListSchema } from './accounts.responses';
import { LawyerDeparture } from './lawyer-departure';

export type Account = ListedUser & { locale: string };

function accountOf(user: UserEntity): Account {
  const { id, name, role, email, timeZone, locale } = user;
  return { id, name, role, email, timeZone, disabled: user.disabledAt !== null, locale };
}

/** Finding colleagues, and an admin's changes to accounts (creating and disabling are in UsersController). */
@ApiTags('accounts')
@SignedInRoutes()
@Controller('v1/users')
export class AccountAdminController {
  constructor(
    private readonly users: UsersService,
    private readonly directory: UserDirectory,
    private readonly tokens: TokensService,
    private readonly departure: LawyerDeparture,
  ) {}

  @ApiRoute({
    operationId: 'listUsers',
    summary: 'Accounts by name: admins see all; lawyers and coordinators the active lawyers and coordinators',
    description: 'Lawyers and coordinators use it to assign a lawyer and to find co-counsel. Auditors: 403.',
    answer: { type: UserListSchema, description: 'The accounts, by name' },
  })
  @Roles('admin', 'coordinator', 'lawyer')
  @Get()
  async list(@CurrentUser() viewer: AuthenticatedUser, @Query() query: ListUsersDto): Promise<{ items: ListedUser[] }> {
    const items = await this.directory.list(viewer.role, {
      role: query.role,
      q: query.q,
      includeDisabled: query.includeDisabled ?? false,
    });
    return { items };
  }

  @ApiRoute({
    operationId: 'updateUser',
    summary: 'Change an account’s name, role, time zone or language (admins)',
    description:
      'A change of role ends every session of the user (they sign in again into what the new role may do), and a ' +
      'lawyer who becomes anything else is unassigned from every case, as when the account is disabled.',
    ids: ['id'],
    answer: { type: AccountSchema, description: 'The account as it is now' },
    errors: [404, [422, 'CANNOT_CHANGE_OWN_ROLE: another admin changes an admin’s role']],
  })
  @Roles('admin')
  @Patch(':id')
  async update(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: UpdateUserDto,
  ): Promise<Account> {
    // Without this the last admin could demote themselves and leave nobody to manage accounts.
    if (id === admin.id && body.role !== undefined && body.role !== admin.role) {
      throw new ApiException(422, 'CANNOT_CHANGE_OWN_ROLE', 'Another admin must change your role');
    }
    const changed = await this.users.update(id, body);
    if (!changed) throw ApiException.notFound('No such user');
    const { before, after } = changed;
    if (before.role !== after.role) {
      await this.tokens.revokeAllOf(id);
      if (before.role === 'lawyer') await this.departure.unassignEverywhere(id, 'no longer a lawyer');
    }
    return accountOf(after);
  }

  @ApiRoute({
    operationId: 'enableUser',
    summary: 'Enable a disabled account again (admins); the user signs in anew and is assigned to no case',
    ids: ['id'],
    answer: { type: EnabledUserSchema, description: 'Enabled' },
    errors: [404],
  })
  @Roles('admin')
  @Post(':id/enable')
  @HttpCode(200)
  async enable(@Param('id', ParseIdPipe) id: string): Promise<{ id: string; disabled: false }> {
    if (!(await this.users.enable(id))) throw ApiException.notFound('No such user');
    return { id, disabled: false };
  }
}
