import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Application, Request, Response } from 'express';
import { BEARER, SESSION } from './api-route';
import { ErrorBodySchema } from './error-body';
import { tidySchemas } from './tidy-schemas';
import { describeRequestDtos } from './validation-schemas';

const TAGS: Array<[string, string]> = [
  ['accounts', 'Signing in and out, users, two-factor sign-in'],
  ['cases', 'Writes: each records one fact on a case, as an event appended to its stream'],
  ['reads', 'The read models: case lists and details, calendar, complaints, statistics, agenda'],
  ['audit', 'The case stream itself: timeline, history, verification, dossier; and who read which case'],
  ['reminders', 'How reminders reach a user, and the reminder log'],
  ['health', 'Liveness and the state of the dependencies'],
];

/**
 * The OpenAPI document of the application's routes: the contract clients are generated from. Built from the
 * routes' decorators and the request DTOs' validation rules only, so it needs no database and is the same whether
 * the application serves it or a script writes it.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const requestDtos = describeRequestDtos(app);
  const builder = new DocumentBuilder()
    .setTitle('casetrack')
    .setDescription(
      'Case tracking for people detained after peaceful protests. Contract version 1: JSON over HTTP, times ' +
        'ISO-8601 with an offset and answered in UTC, every error in the ErrorBody shape.',
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This deployment')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description:
          'The accessToken of POST /v1/auth/login: an opaque random string (not a JWT: it carries nothing a ' +
          'client can read), checked against the server’s token store on every request, so that signing out, ' +
          'disabling a user or a password change revokes it at once. It expires at the expiresAt answered with it.',
      },
      BEARER,
    )
    .addCookieAuth(
      'casetrack_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The console’s session (POST /v1/auth/session): an httpOnly cookie named __Host-casetrack_session where ' +
          'it is Secure (production), casetrack_session otherwise. With the cookie and no Authorization header, ' +
          'every POST, PUT, PATCH and DELETE must carry X-CSRF-Token with the token the session answer gave, else ' +
          '403 CSRF_TOKEN_INVALID. An Authorization header, when sent, wins over the cookie.',
      },
      SESSION,
    )
    .addSecurityRequirements(BEARER)
    .addSecurityRequirements(SESSION);
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ErrorBodySchema],
    // Every route names its operationId; this only keeps a route that forgot one readable.
    operationIdFactory: (_controller, method) => method,
  });
  refuseUnknownFields(document, requestDtos);
  tidySchemas(document);
  return document;
}

/** The validation pipe refuses fields a DTO does not declare (400): the request schemas say so. */
function refuseUnknownFields(document: OpenAPIObject, requestDtos: ReadonlySet<Type>): void {
  const schemas = document.components?.schemas ?? {};
  for (const dto of requestDtos) {
    const schema = schemas[dto.name];
    if (schema && !('$ref' in schema)) schema.additionalProperties = false;
  }
}

/**
 * Serves the document at `/openapi.json` (and `/docs-json`) and its UI at `/docs`, open without a token like
 * `/health`. Built on the first request and kept: the routes do not change while the process runs.
 */
export function serveOpenApi(app: INestApplication): void {
  let document: OpenAPIObject | null = null;
  const documentOf = (): OpenAPIObject => (document ??= openApiDocument(app));
  SwaggerModule.setup('docs', app, documentOf);
  (app.getHttpAdapter().getInstance() as Application).get('/openapi.json', (_: Request, response: Response) => {
    response.json(documentOf());
  });
}
