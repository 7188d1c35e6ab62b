import type { Browser } from 'playwright-core';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { signIn } from './support/console';
import { en } from './support/messages';
import { type RoleDay, writeRoleDay } from './support/role-day';
import type { RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

/** The administrator's accounts and health in the browser. */
describe('an administrator’s accounts (browser)', () => {
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  let day: RoleDay;

  beforeAll(async () => {
    suite = await startSuite();
    ({ service, browser } = suite);
    day = await writeRoleDay(service.baseUrl);
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  it(
    'disables a lawyer whose open session then stops working, and enables them again',
    async () => {
      const lawyerContext = await newContext(browser, service.baseUrl);
      const lawyer = await lawyerContext.newPage();
      await signIn(lawyer, day.lawyer);
      await lawyer.goto('/agenda');
      await lawyer.getByRole('heading', { level: 1, name: en('roles.agenda.title') }).waitFor();

      const adminContext = await newContext(browser, service.baseUrl);
      const admin = await adminContext.newPage();
      await signIn(admin, day.admin);
      await admin.getByRole('link', { name: en('roles.nav.accounts') }).click();
      const name = day.lawyer.name;
      await admin.getByRole('button', { name: en('roles.accounts.disableFor', { name }) }).click();
      await admin.getByRole('button', { name: en('roles.accounts.enableFor', { name }) }).waitFor();
      const findings = await auditPage(admin, 'accounts');

      // The lawyer's next request, with the same cookie, is refused: the console sends them to sign in.
      await lawyer.goto('/agenda');
      await lawyer.waitForURL(/\/sign-in/);
      const answer = await lawyerContext.request.get(`${service.baseUrl}/v1/agenda`);
      expect(answer.status()).toBe(401);

      await admin.getByRole('button', { name: en('roles.accounts.enableFor', { name }) }).click();
      await admin.getByRole('button', { name: en('roles.accounts.disableFor', { name }) }).waitFor();
      await admin.getByRole('button', { name: en('roles.accounts.resetFor', { name }) }).click();
      await admin.getByRole('button', { name: en('roles.accounts.resetConfirm') }).click();
      const link = await admin.getByLabel(en('roles.accounts.resetLink')).inputValue();
      expect(link).toMatch(/\/password-reset#.+/);
      findings.push(...(await auditPage(admin, 'accounts reset link')));
      expect(findings).toEqual([]);
      await lawyerContext.close();
      await adminContext.close();
    },
    FLOW_MS,
  );

  it(
    'shows the deployment’s health and reaches the queue board with the session alone',
    async () => {
      const context = await newContext(browser, service.baseUrl);
      const admin = await context.newPage();
      await signIn(admin, day.admin);
      await admin.getByRole('link', { name: en('roles.nav.health') }).click();
      const database = admin.getByRole('row', { name: new RegExp(`^${en('roles.health.check.database')} `) });
      await database.getByText(en('roles.health.status.up')).waitFor();
      await admin.getByRole('rowheader', { name: en('roles.health.queueState.delayed') }).waitFor();
      const findings = await auditPage(admin, 'health');
      expect(findings).toEqual([]);

      // The cookie of the console's session, no Authorization header: the board answers the admin.
      const board = await context.request.get(`${service.baseUrl}/admin/queues/`);
      expect(board.status()).toBe(200);
      expect(await board.text()).toMatch(/bull/i);
      const api = await context.request.get(`${service.baseUrl}/admin/queues/api/queues`);
      expect(api.status()).toBe(200);
      const queues = (await api.json()) as { queues: Array<{ name: string }> };
      expect(queues.queues.length).toBe(1);
      // And the board itself renders in the browser (its scripts run under the API's headers), naming the queue.
      await admin.goto('/admin/queues/');
      await admin.getByText(queues.queues[0]!.name).first().waitFor();
      await context.close();
    },
    FLOW_MS,
  );
});
