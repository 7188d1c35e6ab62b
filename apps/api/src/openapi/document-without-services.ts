import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createLogger, loadConfig } from '@casetrack/config';
import { AppModule } from '../app.module';
import { openApiDocument } from './openapi-document';

/**
 * The document the API serves, built without starting it: Nest's preview mode registers every module and route but
 * instantiates no provider, so nothing connects to PostgreSQL, Redis or the event store (the configuration below
 * names a database only because the configuration requires one; it is never reached).
 */
export async function openApiDocumentWithoutServices(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://openapi@127.0.0.1:1/never-connected' });
  const app = await NestFactory.create(AppModule.register(config, createLogger('silent')), {
    preview: true,
    logger: false,
  });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
