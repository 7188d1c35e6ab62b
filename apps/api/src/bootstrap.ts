import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { type Application, json, type Request, type Response, type NextFunction } from 'express';
import { type AppConfig, createLogger, type Logger } from '@casetrack/config';
import { prepareDatabase } from '../../../migrations/prepare-database';
import { AppModule } from './app.module';
import { ErrorBodyFilter } from './common/error-body.filter';
import { PinoNestLogger } from './common/logger.provider';
import { createValidationPipe } from './common/validation.pipe';
import { answerClientError, refuseDeepJson, refuseUnsafeStrings } from './common/hostile-input';
import { serveOpenApi } from './openapi/openapi-document';
import { consoleSecurityHeaders } from './console/console-headers';
import { isApiPath } from './console/console-paths';
import { serveConsole } from './console/serve-console';

/**
 * Builds the application (database waited for, created and migrated first) without listening; tests and `main` share
 * it. Redis is not waited for: facts are recorded without it, and the worker role, when this process runs it, keeps
 * reconnecting (the standalone worker does wait for it).
 */
export async function createApp(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<INestApplication> {
  await prepareDatabase(config, logger);

  const app = await NestFactory.create(AppModule.register(config, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  const server = app.getHttpServer() as Server;
  server.on('clientError', answerClientError);
  keepConnectionsOpen(server);
  // request.ip (the sign-in throttle and the rate limit count by it) follows X-Forwarded-For only through TRUST_PROXY.
  if (config.trustProxy !== false) {
    (app.getHttpAdapter().getInstance() as Application).set('trust proxy', config.trustProxy);
  }
  app.use(securityHeaders());
  app.enableCors(config.corsOrigins.length ? { origin: config.corsOrigins, credentials: false } : { origin: false });
  app.use(json({ limit: config.bodyLimit, strict: true, verify: refuseDeepJson }));
  // The console's session cookie (libs/auth reads request.cookies); no secret: the session token is opaque already.
  app.use(cookieParser());
  app.use(refuseUnsafeStrings());
  app.use(requestLog(logger));
  app.useGlobalFilters(new ErrorBodyFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  serveOpenApi(app);
  app.use(serveConsole(config.consoleDirectory));
  return app;
}

/**
 * How long an idle keep-alive connection stays open. Node's 5 s closes the connection of a client (or a proxy, whose
 * idle timeouts are usually 60 s) that pauses a moment, so its next request pays a new connection; and a request sent
 * as the server closes the socket is lost to the client ("socket hang up"). Longer than a proxy's idle timeout, so
 * that the proxy is the side that closes. A request's own deadlines (headersTimeout, requestTimeout) stay Node's.
 */
export const KEEP_ALIVE_MS = 65_000;

function keepConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
}

/**
 * Security headers on every answer. The OpenAPI UI needs its inline script, so /docs gets the headers
 * without a content security policy; the JSON API keeps the strict default; the console's pages get its own policy.
 */
function securityHeaders() {
  const api = helmet();
  const docs = helmet({ contentSecurityPolicy: false });
  const console = consoleSecurityHeaders();
  const choose = (path: string): typeof api => {
    if (path.startsWith('/docs')) return docs;
    return isApiPath(path) ? api : console;
  };
  return (request: Request, response: Response, next: NextFunction): void =>
    choose(request.path)(request, response, next);
}

/** One line per request: method, route pattern, status, duration. Never bodies, names or tokens. */
function requestLog(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.on('finish', () => {
      logger.info(
        {
          method: request.method,
          route:
            (request.route as { path?: string } | undefined)?.path ?? request.path.replace(/[0-9a-f-]{36}/gi, ':id'),
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  };
}
