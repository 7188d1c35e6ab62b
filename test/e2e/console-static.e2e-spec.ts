import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectError } from '../support/e2e';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Bx7k2.js"></script></head></html>';
const SCRIPT = 'console.log("console");';
const SERVICE_WORKER = 'self.addEventListener("fetch", () => undefined);';
const CASE = '0d4c6a2e-5f0b-4a59-9c1e-3b7f1f5a8e21';

/** The directives a console page must carry, each exactly. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

function page(t: TestApp, path: string): Promise<Response> {
  return request(t.http).get(path).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
}

function expectConsolePage(response: Response): void {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.text).toBe(INDEX);
  expect(response.headers['cache-control']).toBe('no-cache');
  const directives = (response.headers['content-security-policy'] as string).split(';').map((part) => part.trim());
  expect(directives.filter(Boolean).sort()).toEqual([...CSP].sort());
}

/** Issue 15, item 1: the API process serves the console at `/`, with an SPA fallback that never shadows the API. */
describe('the console served by the API', () => {
  let t: TestApp;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'casetrack-console-'));
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), INDEX);
    writeFileSync(join(directory, 'assets', 'index-Bx7k2.js'), SCRIPT);
    writeFileSync(join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(directory, 'sw.js'), SERVICE_WORKER);
    writeFileSync(join(directory, 'workbox-9c191d2f.js'), 'define([], function () {});');
    writeFileSync(join(directory, 'manifest.webmanifest'), '{"name":"casetrack"}');
    t = await startTestApp({ CONSOLE_DIR: directory });
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers index.html for /, a case page (the reminders’ link) and any other page, never cached, with the CSP', async () => {
    expectConsolePage(await page(t, '/'));
    expectConsolePage(await page(t, `/cases/${CASE}`));
    expectConsolePage(await page(t, '/board'));
    expectConsolePage(await page(t, '/cases/new?from=intake'));
    // A HEAD is answered too, without a body.
    const head = await request(t.http).head('/board').set('Accept', 'text/html');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
  });

  it('serves hashed assets with long immutable caching, other files revalidated, and a missing asset as 404', async () => {
    const asset = await request(t.http).get('/assets/index-Bx7k2.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.text).toBe(SCRIPT);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const icon = await request(t.http).get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');

    // A stale page asking for an asset of an older build must not get index.html in its place (and keep it a year).
    const missing = await request(t.http).get('/assets/index-old.js').set('Accept', '*/*');
    expectError(missing, 404, 'NOT_FOUND');
    expect(missing.headers['cache-control'] ?? '').not.toMatch(/immutable/);
    // Nothing outside the directory is reachable.
    expectError(await request(t.http).get('/assets/..%2f..%2fetc%2fpasswd').set('Accept', '*/*'), 404, 'NOT_FOUND');
  });

  it('leaves API paths alone: JSON 404s under /v1, and /health, /openapi.json, /docs, /metrics as they were', async () => {
    const nope = await page(t, '/v1/nope');
    expectError(nope, 404, 'NOT_FOUND');
    expect(nope.headers['content-type']).toMatch(/^application\/json/);
    expectError(await page(t, `/v1/cases/${CASE}/nope`), 404, 'NOT_FOUND');
    expectError(await page(t, '/admin/nope'), 404, 'NOT_FOUND');
    // An API route answers as before, whatever the Accept header.
    expectError(await page(t, '/v1/cases'), 401, 'UNAUTHENTICATED');

    const health = await page(t, '/health');
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(health.body).toHaveProperty('status');

    const openapi = await page(t, '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\./);

    const docs = await page(t, '/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).not.toBe(INDEX);
    expect(docs.text).toMatch(/swagger/i);
    // The OpenAPI UI keeps its own headers (its inline script), not the console's policy.
    expect(docs.headers['content-security-policy']).toBeUndefined();

    const metrics = await page(t, '/metrics');
    expect(metrics.text).not.toBe(INDEX);
    // The JSON API keeps the policy it had (helmet's default), not the console's.
    expect(nope.headers['content-security-policy']).toContain("default-src 'self'");
    expect(nope.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('serves the service worker, its Workbox runtime and the manifest with their types, revalidated (issue 18)', async () => {
    // A browser registering or updating the worker asks with Accept: */*: it must get the script, never index.html.
    const worker = await request(t.http).get('/sw.js').set('Accept', '*/*').set('Service-Worker', 'script');
    expect(worker.status).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.text).toBe(SERVICE_WORKER);
    const runtime = await request(t.http).get('/workbox-9c191d2f.js').set('Accept', '*/*');
    expect(runtime.status).toBe(200);
    expect(runtime.headers['content-type']).toMatch(/javascript/);
    const manifest = await request(t.http).get('/manifest.webmanifest').set('Accept', '*/*');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(manifest.text)).toEqual({ name: 'casetrack' });
    // A worker or file of another build that is gone: a 404, not the console's page standing in for a script.
    for (const path of ['/workbox-0ld.js', '/sw-old.js', '/icons/icon-1024.png', '/old.webmanifest']) {
      const missing = await page(t, path);
      expectError(missing, 404, 'NOT_FOUND');
      expect(missing.text).not.toBe(INDEX);
    }
  });

  it('answers a JSON 404 to a non-page request the console has no file for, and 404 to writes outside the API', async () => {
    expectError(await request(t.http).get('/robots.txt').set('Accept', 'application/json'), 404, 'NOT_FOUND');
    expectError(await request(t.http).post('/board').send({}), 404, 'NOT_FOUND');
  });
});

describe('an API built without the console', () => {
  let t: TestApp;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'casetrack-no-console-'));
    t = await startTestApp({ CONSOLE_DIR: join(directory, 'web') });
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers pages with 503 CONSOLE_NOT_BUILT, keeps the API, and serves the console once it is built', async () => {
    for (const path of ['/', `/cases/${CASE}`, '/board']) {
      const response = await page(t, path);
      expectError(response, 503, 'CONSOLE_NOT_BUILT');
      expect(response.body.message).toMatch(/npm run build/);
    }
    expectError(await request(t.http).get('/').set('Accept', 'application/json'), 404, 'NOT_FOUND');
    expectError(await page(t, '/v1/nope'), 404, 'NOT_FOUND');
    expect((await page(t, '/openapi.json')).status).toBe(200);

    // Built while the API runs: served without a restart.
    mkdirSync(join(directory, 'web', 'assets'), { recursive: true });
    writeFileSync(join(directory, 'web', 'index.html'), INDEX);
    expectConsolePage(await page(t, '/board'));
  });
});
