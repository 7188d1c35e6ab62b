import type { Application } from 'express';
import request from 'supertest';
import { openApiDocumentWithoutServices } from '../../apps/api/src/openapi/document-without-services';
import { ADMIN, login, startTestApp, type TestApp } from '../support/test-app';

/** Routes the API serves that are not part of the JSON API: the document itself, its UI, metrics, the queue board. */
const NOT_IN_THE_DOCUMENT = /^\/(openapi\.json|docs|metrics|admin\/queues)/;

describe('the OpenAPI document the API serves', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves it at /openapi.json without a token: the same document the linter and client generation use', async () => {
    const response = await request(t.http).get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(await openApiDocumentWithoutServices())));
  });

  it('serves the same document with a token, at /docs-json too, and keeps the UI at /docs', async () => {
    const token = await login(t.http, ADMIN.email, ADMIN.password);
    const withToken = await request(t.http).get('/openapi.json').set('Authorization', `Bearer ${token}`);
    const docsJson = await request(t.http).get('/docs-json');
    expect(withToken.body).toEqual(docsJson.body);
    expect(withToken.body.paths['/v1/cases/{caseId}/detention'].post.operationId).toBe('recordDetention');
    const ui = await request(t.http).get('/docs').redirects(2);
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger/i);
  });

  it('documents every route the API serves, with its method', async () => {
    const document = (await request(t.http).get('/openapi.json')).body as { paths: Record<string, object> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const stack = (t.app.getHttpAdapter().getInstance() as Application).router.stack as Array<{
      route?: { path: string | string[]; methods: Record<string, boolean> };
    }>;
    const served = stack.flatMap(({ route }) =>
      route && typeof route.path === 'string' && !NOT_IN_THE_DOCUMENT.test(route.path)
        ? Object.keys(route.methods).map(
            (method) => `${method.toUpperCase()} ${(route.path as string).replace(/:(\w+)/g, '{$1}')}`,
          )
        : [],
    );
    expect(served.length).toBeGreaterThanOrEqual(55);
    expect(served.sort()).toEqual(documented.sort());
  });
});
