import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, expectError, expectValidation, get, openCaseBody, post } from '../support/e2e';

/** A raw JSON body, so that escapes such as \u0000 and \ud800 reach the server exactly as written. */
function postRaw(t: TestApp, token: string, path: string, json: string) {
  return request(t.http)
    .post(path)
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/json')
    .send(json);
}

describe('hostile input', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let events: EventsTable;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '1mb' });
    coordinator = await createUser(t.http, 'coordinator');
    events = await EventsTable.open(t.database.url);
  });
  afterAll(async () => {
    await events.close();
    await t.close();
  });

  describe('strings PostgreSQL cannot store or that are not text', () => {
    it.each([
      ['a NUL character', String.raw`A\u0000B`],
      ['a lone high surrogate', String.raw`A\ud800B`],
      ['a lone low surrogate', String.raw`\udc00`],
    ])('refuses %s in a nested body field with 400, naming it, and records nothing', async (_what, escaped) => {
      const before = await events.count();
      const body = `{"detainee":{"fullName":"${escaped}","city":"Almaty"},"source":{"kind":"relative"}}`;
      const response = await postRaw(t, coordinator.token, '/v1/cases', body);
      expectValidation(response, 'detainee.fullName');
      expect(await events.count()).toBe(before);
    });

    it('names an element of an array and an unsafe field name', async () => {
      const body = String.raw`{"detainee":{"fullName":"Arman","nameVariants":["ok","b\u0000"],"city":"Almaty"},"source":{"kind":"relative","\u0000":"x"}}`;
      const response = await postRaw(t, coordinator.token, '/v1/cases', body);
      expectValidation(response, 'detainee.nameVariants.1', 'source');
    });

    it('accepts well-formed text in any script, emoji (surrogate pairs) included', async () => {
      const response = await post(t.http, coordinator.token, '/v1/cases', openCaseBody('Жолатов Арман 🕊', 'Алматы'));
      expect(response.status).toBe(201);
    });

    it.each([
      ['/v1/cases?city=Alm%00aty', 'city'],
      ['/v1/cases?facility=%00', 'facility'],
      ['/v1/cases?article=272%00', 'article'],
      ['/v1/cases?q=%00', 'q'],
      ['/v1/hearings?court=%00', 'court'],
      ['/v1/complaints?status=%00', 'status'],
    ])('refuses %s with 400 naming the parameter, not 500', async (path, field) => {
      expectValidation(await get(t.http, coordinator.token, path), field);
    });
  });

  describe('deep nesting', () => {
    it('refuses a body nested 10,000 levels with 400 before anything recurses', async () => {
      const deep = `{"detainee":${'['.repeat(10_000)}${']'.repeat(10_000)},"source":{"kind":"relative"}}`;
      const response = await postRaw(t, coordinator.token, '/v1/cases', deep);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(response.body.message).toMatch(/nested/);
    });

    it('refuses 65 levels and lets 64 through to ordinary validation; brackets inside strings do not count', async () => {
      const nest = (levels: number) => `${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}`;
      const tooDeep = await postRaw(t, coordinator.token, '/v1/cases', `{"x":${nest(65)}}`);
      expect(tooDeep.body.message).toMatch(/nested/);
      const deepest = await postRaw(t, coordinator.token, '/v1/cases', `{"x":${nest(64)}}`);
      expectValidation(deepest, 'x');
      expect(deepest.body.message).not.toMatch(/nested/);
      const bracketsInText = await post(t.http, coordinator.token, '/v1/cases', openCaseBody(`A ${'[{'.repeat(40)}`));
      expect(bracketsInText.status).toBe(201);
    });
  });

  describe('a query string past the header limit', () => {
    it('answers 431 rather than resetting the connection', async () => {
      await t.app.listen(0, '127.0.0.1');
      const { port } = (t.app.getHttpServer() as http.Server).address() as AddressInfo;
      // Large enough that the client is still sending when the server answers: a destroyed socket resets it.
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const call = http.get({ host: '127.0.0.1', port, path: `/v1/cases?q=${'a'.repeat(4 << 20)}` }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        call.on('error', reject);
      });
      expect(answer.status).toBe(431);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(body).toMatchObject({ statusCode: 431, code: 'HEADERS_TOO_LARGE', details: [] });
    });
  });
});
