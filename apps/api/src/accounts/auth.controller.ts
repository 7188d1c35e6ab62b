import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AuthenticatedRequest,
  LoginLimiter,
  Public,
  TokensService,
  toAuthenticatedUser,
  UsersService,
} from '@casetrack/auth';
import { ApiException } from '../common/api-exception';
import { LoginDto } from './accounts.dto';

@ApiTags('accounts')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly limiter: LoginLimiter,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto) {
    const wait = await this.limiter.retryAfterSeconds(body.email);
    if (wait > 0) {
      throw new ApiException(429, 'RATE_LIMITED', 'Too many failed sign-ins; try again later', [], {
        'Retry-After': String(wait),
      });
    }
    const user = await this.users.verifyCredentials(body.email, body.password);
    if (!user) {
      await this.limiter.recordFailure(body.email);
      throw new ApiException(401, 'UNAUTHENTICATED', 'Email or password is wrong');
    }
    await this.limiter.reset(body.email);
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
