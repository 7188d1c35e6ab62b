import type { Browser } from 'playwright-core';
import { type Account, ApiClient } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { field, signIn } from './support/console';
import { en } from './support/messages';
import { BOOTSTRAP_ADMIN, type RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

/** The console's sign-in in a real browser: the session cookie stays out of reach of the page's scripts. */
describe('console sign-in (browser)', () => {
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  let coordinator: Account;

  beforeAll(async () => {
    suite = await startSuite();
    ({ service, browser } = suite);
    coordinator = await new ApiClient(service.baseUrl).createAccount('coordinator', 'Dana Coordinator');
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  it(
    'signs in through the form, and the session cookie is httpOnly: no script reads it, no storage holds a token',
    async () => {
      const context = await newContext(browser, service.baseUrl);
      const page = await context.newPage();
      await page.goto('/board');
      await page.waitForURL(/\/sign-in/);
      await signIn(page, coordinator);

      const cookies = await context.cookies();
      const session = cookies.filter((cookie) => cookie.httpOnly);
      expect(session).toHaveLength(1);
      expect(session[0]).toMatchObject({ sameSite: 'Strict', path: '/' });
      const seen = await page.evaluate(() => {
        const page = globalThis as unknown as {
          document: { cookie: string };
          localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
          sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
        };
        const dump = (store: typeof page.localStorage): string[] =>
          Array.from({ length: store.length }, (_, i) => `${store.key(i)}=${store.getItem(store.key(i) ?? '')}`);
        return { cookie: page.document.cookie, local: dump(page.localStorage), session: dump(page.sessionStorage) };
      });
      expect(seen.cookie).not.toContain(session[0].name);
      expect(seen.cookie).not.toContain(session[0].value);
      for (const entry of [...seen.local, ...seen.session]) expect(entry).not.toContain(session[0].value);
      // Nor any bearer token of the API: they are 20+ url-safe characters, and the console never holds one.
      expect([...seen.local, ...seen.session].join('\n')).not.toMatch(/accessToken|[A-Za-z0-9_-]{40,}/);
      expect(page.url()).not.toContain(session[0].value);
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'has no serious or critical axe-core violation and no raw message key on the sign-in page and the board',
    async () => {
      const context = await newContext(browser, service.baseUrl);
      const page = await context.newPage();
      await page.goto('/sign-in');
      await field(page, en('console.signIn.email')).waitFor();
      const findings = await auditPage(page, 'sign-in');
      await signIn(page, coordinator);
      await page.getByRole('heading', { name: en('console.board.title') }).waitFor();
      findings.push(...(await auditPage(page, 'board')));
      expect(findings).toEqual([]);
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'refuses a wrong password with the catalogue message and sets no cookie',
    async () => {
      const context = await newContext(browser, service.baseUrl);
      const page = await context.newPage();
      await page.goto('/sign-in');
      await field(page, en('console.signIn.email')).fill(coordinator.email);
      await field(page, en('console.signIn.password')).fill('not-the-password-at-all');
      await page.getByRole('button', { name: en('console.signIn.submit') }).click();
      await page.getByText(en('console.error.UNAUTHENTICATED')).waitFor();
      expect(await context.cookies()).toEqual([]);
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'signs out: the session ends at once and a board URL leads back to sign-in',
    async () => {
      const context = await newContext(browser, service.baseUrl);
      const page = await context.newPage();
      await signIn(page, coordinator);
      const [cookie] = (await context.cookies()).filter((c) => c.httpOnly);
      await page.getByRole('button', { name: en('console.layout.signOut') }).click();
      await page.waitForURL(/\/sign-in/);
      // The old cookie, replayed by hand, no longer opens anything: the server ended the session, not just the page.
      const replayed = await fetch(`${service.baseUrl}/v1/auth/session`, {
        headers: { cookie: `${cookie.name}=${cookie.value}` },
      });
      expect(replayed.status).toBe(401);
      await page.goto('/board');
      await page.waitForURL(/\/sign-in/);
      await context.close();
    },
    FLOW_MS,
  );
  it(
    'ends the console session at once when an admin disables the account',
    async () => {
      const api = new ApiClient(service.baseUrl);
      const leaving = await api.createAccount('coordinator', 'Disabled Soon');
      const context = await newContext(browser, service.baseUrl);
      const page = await context.newPage();
      await signIn(page, leaving);
      const [cookie] = (await context.cookies()).filter((c) => c.httpOnly);
      const admin = await api.login(BOOTSTRAP_ADMIN.email, BOOTSTRAP_ADMIN.password);
      await api.post(`/v1/users/${leaving.id}/disable`, admin, {});
      const replayed = await fetch(`${service.baseUrl}/v1/auth/session`, {
        headers: { cookie: `${cookie.name}=${cookie.value}` },
      });
      expect(replayed.status).toBe(401);
      await page.reload();
      await page.waitForURL(/\/sign-in/);
      await context.close();
    },
    FLOW_MS,
  );
});
