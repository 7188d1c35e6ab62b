import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import {
  type AuthenticatedUser,
  CSRF_HEADER,
  csrfTokenFor,
  csrfTokenMatches,
  Public,
  sessionCookieName,
  sessionTokenOf,
  SignInService,
  TokensService,
  toAuthenticatedUser,
} from '@casetrack/auth';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { ApiException } from '../common/api-exception';
import { ApiRoute, PublicRoute, SESSION } from '../openapi/api-route';
import { LoginDto } from './accounts.dto';
import { ConsoleSessionSchema } from './accounts.responses';
import { signInRefused } from './sign-in-errors';

interface ConsoleSession {
  user: AuthenticatedUser;
  csrf: { header: string; token: string };
}

const COOKIE_DOC =
  'Sets the session cookie: httpOnly (page scripts cannot read it), SameSite=Strict, Path=/, Secure outside ' +
  'development (then named __Host-casetrack_session, else casetrack_session), Max-Age the absolute lifetime ' +
  '(SESSION_TTL_SECONDS). The session also ends when unused for SESSION_IDLE_SECONDS, at sign-out, when the account ' +
  'is disabled and when its password changes';

/**
 * The console's sign-in: the same checks as POST /v1/auth/login (SignInService: throttle, disabled accounts, second
 * factor), but the token goes into an httpOnly cookie instead of the answer, and the answer names the CSRF header
 * that every cookie-authenticated change must carry (the guard checks it).
 */
@ApiTags('accounts')
@Controller('v1/auth/session')
export class SessionController {
  constructor(
    private readonly signIn: SignInService,
    private readonly tokens: TokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ApiRoute({
    operationId: 'openSession',
    summary: 'The console signs in: email, password and, once the account has a second factor, otp',
    description: COOKIE_DOC,
    answer: {
      type: ConsoleSessionSchema,
      description: 'Signed in: the session cookie is set; the answer names the user and the CSRF header',
      headers: { 'Set-Cookie': { description: 'The session cookie', schema: { type: 'string' } } },
    },
    errors: [
      400,
      [401, 'UNAUTHENTICATED (one message for an unknown email and a wrong password), or SECOND_FACTOR_REQUIRED'],
      [429, 'RATE_LIMITED, with Retry-After: the sign-in throttle of POST /v1/auth/login, shared with it'],
      503,
    ],
  })
  @PublicRoute()
  @Public()
  @Post()
  @HttpCode(200)
  async open(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConsoleSession> {
    const outcome = await this.signIn.signIn({
      email: body.email,
      password: body.password,
      otp: body.otp,
      clientAddress: request.ip,
      tokenKind: 'session',
    });
    if (outcome.kind !== 'signed-in') throw signInRefused(outcome);
    // The session this browser had is replaced, not left open beside the new one until it idles out.
    const previous = sessionTokenOf(request.cookies, this.cookieName());
    if (previous !== null) await this.tokens.revoke(previous, 'session');
    const token = outcome.token.accessToken;
    response.cookie(this.cookieName(), token, {
      ...this.cookieOptions(),
      maxAge: this.config.session.ttlSeconds * 1000,
    });
    return this.answer(toAuthenticatedUser(outcome.user), token);
  }

  @ApiRoute({
    operationId: 'getSession',
    summary: 'The console’s session, when its cookie is valid: who is signed in, and the CSRF header again',
    description: 'The console asks this on load: it keeps the CSRF token in memory only.',
    answer: { type: ConsoleSessionSchema, description: 'The session is valid' },
    errors: [[401, 'UNAUTHENTICATED: no session cookie, or one that has ended'], 429, 503],
  })
  @ApiCookieAuth(SESSION)
  @Public()
  @Get()
  async current(@Req() request: Request): Promise<ConsoleSession> {
    const token = sessionTokenOf(request.cookies, this.cookieName());
    const user = token === null ? null : await this.tokens.authenticate(token, new Date(), 'session');
    if (token === null || user === null) throw new ApiException(401, 'UNAUTHENTICATED', 'No console session is open');
    return this.answer(toAuthenticatedUser(user), token);
  }

  @ApiRoute({
    operationId: 'closeSession',
    summary: 'The console signs out: the session ends at once and its cookie is cleared',
    description:
      `A live session is ended only with its ${CSRF_HEADER} header (a page of another site cannot sign anyone ` +
      'out); without a live session the cookie is cleared all the same.',
    answer: { status: 204, description: 'Signed out; the cookie is cleared' },
    errors: [[403, 'CSRF_TOKEN_INVALID: the session is live and the CSRF header is missing or wrong'], 429, 503],
  })
  @ApiCookieAuth(SESSION)
  @ApiHeader({ name: CSRF_HEADER, required: false, description: 'The token of the session answer' })
  @Public()
  @Delete()
  @HttpCode(204)
  async close(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const token = sessionTokenOf(request.cookies, this.cookieName());
    if (token !== null && (await this.tokens.authenticate(token, new Date(), 'session')) !== null) {
      if (!csrfTokenMatches(token, request.headers[CSRF_HEADER.toLowerCase()])) {
        throw new ApiException(
          403,
          'CSRF_TOKEN_INVALID',
          `Signing out of the console needs the ${CSRF_HEADER} header its session answer gave`,
        );
      }
      await this.tokens.revoke(token, 'session');
    }
    response.clearCookie(this.cookieName(), this.cookieOptions());
  }

  private answer(user: AuthenticatedUser, token: string): ConsoleSession {
    return { user, csrf: { header: CSRF_HEADER, token: csrfTokenFor(token) } };
  }

  private cookieName(): string {
    return sessionCookieName(this.config.session);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.session.cookieSecure, path: '/' };
  }
}
