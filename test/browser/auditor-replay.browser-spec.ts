import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { choose, field, signIn } from './support/console';
import { en, message } from './support/messages';
import { type RoleDay, writeRoleDay } from './support/role-day';
import type { RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

/** The auditor's replay in the browser: the slider on both axes, the integrity badge, a dossier in Kazakh. */
describe('an auditor’s replay (browser)', () => {
  let database: TestDatabase;
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  let day: RoleDay;
  let page: Page;
  const changes: string[] = [];
  const findings: string[] = [];

  beforeAll(async () => {
    // Its own database, to change an event behind the service's back as an attacker with database access would.
    database = await createTestDatabase({ migrate: false });
    suite = await startSuite({ databaseUrl: database.url });
    ({ service, browser } = suite);
    day = await writeRoleDay(service.baseUrl);
    const context = await newContext(browser, service.baseUrl, { acceptDownloads: true });
    context.on('request', (request) => {
      if (request.method() !== 'GET' && !request.url().endsWith('/v1/auth/session')) {
        changes.push(`${request.method()} ${request.url()}`);
      }
    });
    page = await context.newPage();
    await signIn(page, day.auditor);
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
    await database?.drop();
  });

  /** Waits until the case as it stood has this status (the row reads "Status <value>"). */
  const statusShown = (value: string): Promise<void> =>
    page.getByRole('row', { name: `${en('roles.history.field.status')} ${value}`, exact: true }).waitFor();

  it(
    'finds the case, replays it on both axes with the keyboard, and shows the chain intact with its head hash',
    async () => {
      await page.getByRole('link', { name: en('roles.nav.history') }).click();
      await field(page, en('roles.history.search')).fill('Жолатов');
      findings.push(...(await auditPage(page, 'history search')));
      await page.getByRole('link', { name: 'Arman Zholatov' }).click();
      await page
        .getByRole('heading', { level: 1, name: en('roles.history.title', { name: 'Arman Zholatov' }) })
        .waitFor();
      const verify = await day.api.get<{ headHash: string }>(`/v1/cases/${day.mainCase}/verify`, day.auditor.token);
      await page.getByRole('status').getByText(verify.headHash).waitFor();

      const later = page.getByRole('slider', { name: en('roles.history.until') });
      for (const axis of ['recorded', 'occurred'] as const) {
        if (axis === 'occurred') {
          // The axis switch is a radio group: the arrow key moves from "what we knew on" to "what had happened by".
          await page.getByRole('radio', { name: en('roles.history.axis.recorded') }).focus();
          await page.keyboard.press('ArrowLeft');
          await page.getByRole('radio', { name: en('roles.history.axis.occurred') }).isChecked();
        }
        await statusShown('in pre-trial detention');
        await later.focus();
        // Step back through every moment to the first (the opening: reported), then forward to the last.
        for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowLeft');
        await statusShown('reported');
        for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
        await statusShown('in pre-trial detention');
      }
      findings.push(...(await auditPage(page, 'history')));
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'downloads the dossier in Kazakh, PDF and JSON',
    async () => {
      await choose(page, en('roles.dossier.language'), message('en', 'console.language.kk'));
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: en('roles.dossier.download') }).click(),
      ]);
      expect(
        readFileSync(await pdf.path())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      await choose(page, en('roles.dossier.format'), en('roles.dossier.json'));
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: en('roles.dossier.download') }).click(),
      ]);
      const text = readFileSync(await json.path(), 'utf8');
      expect(JSON.parse(text)).toMatchObject({ language: 'kk', caseId: day.mainCase });
    },
    FLOW_MS,
  );

  it(
    'shows a tampered event as broken at its version',
    async () => {
      const db = new Client({ connectionString: database.url });
      await db.connect();
      try {
        await db.query('ALTER TABLE events DISABLE TRIGGER ALL');
        await db.query(
          `UPDATE events SET data = data || '{"tampered": true}'::jsonb WHERE stream_id = $1 AND version = 2`,
          [`case-${day.mainCase}`],
        );
        await db.query('ALTER TABLE events ENABLE TRIGGER ALL');
      } finally {
        await db.end();
      }
      await page.reload();
      await page.getByText(en('roles.verify.broken', { version: 2 })).waitFor();
      findings.push(...(await auditPage(page, 'history broken')));
      await page.getByRole('link', { name: en('roles.nav.accessLog') }).click();
      await page
        .getByRole('cell', { name: en('roles.access.view.verify') })
        .first()
        .waitFor();
      findings.push(...(await auditPage(page, 'access log')));
      expect(findings).toEqual([]);
      // Nothing the auditor did in the console was a change.
      expect(changes).toEqual([]);
    },
    FLOW_MS,
  );
});
