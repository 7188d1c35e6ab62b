import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, Public, TokensService, toAuthenticatedUser, UsersService } from '@casetrack/auth';
import { ApiException } from '../common/api-exception';
import { LoginDto } from './accounts.dto';

@ApiTags('accounts')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto) {
    const user = await this.users.verifyCredentials(body.email, body.password);
    if (!user) throw new ApiException(401, 'UNAUTHENTICATED', 'Email or password is wrong');
    const token = await this.tokens.issue(user.id);
    return {
      accessToken: token.accessToken,
      expiresAt: token.expiresAt.toISOString(),
      user: toAuthenticatedUser(user),
    };
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest): Promise<void> {
    if (request.accessToken) await this.tokens.revoke(request.accessToken);
  }
}
