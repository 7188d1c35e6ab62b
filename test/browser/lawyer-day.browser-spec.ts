import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { eventually } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { choose, dialog, field, signIn } from './support/console';
import { en } from './support/messages';
import { type RoleDay, writeRoleDay } from './support/role-day';
import type { RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

interface CaseRead {
  version: number;
  hearings: Array<{
    hearingId: string;
    status: string;
    durationMinutes: number | null;
    defendantHeard: boolean | null;
  }>;
  measure: { measure: string; until: string } | null;
}

/** A lawyer's day in the browser: the agenda, an outcome and an extension from it, the calendar and its feed. */
describe('a lawyer’s day (browser)', () => {
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  let day: RoleDay;
  let page: Page;
  const findings: string[] = [];

  beforeAll(async () => {
    suite = await startSuite();
    ({ service, browser } = suite);
    day = await writeRoleDay(service.baseUrl);
    const context = await newContext(browser, service.baseUrl);
    page = await context.newPage();
    await signIn(page, day.lawyer);
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  const read = (): Promise<CaseRead> => day.api.get<CaseRead>(`/v1/cases/${day.mainCase}`, day.lawyer.token);

  it(
    'records the hearing’s outcome and then the extension from the agenda, with the keyboard-reachable buttons',
    async () => {
      await page.getByRole('link', { name: en('roles.nav.agenda') }).click();
      await page.getByRole('heading', { level: 1, name: en('roles.agenda.title') }).waitFor();
      const name = 'Arman Zholatov';
      await page.getByRole('button', { name: en('roles.agenda.recordOutcomeFor', { name }) }).waitFor();
      findings.push(...(await auditPage(page, 'agenda')));

      await page.getByRole('button', { name: en('roles.agenda.recordOutcomeFor', { name }) }).focus();
      await page.keyboard.press('Enter');
      const outcome = dialog(
        page,
        en('roles.quickWrite.title', { form: en('console.form.hearingOutcome.title'), name }),
      );
      await field(outcome, en('console.field.outcome')).fill('Detention extended by two months');
      await field(outcome, en('console.field.durationMinutes')).fill('35');
      await choose(outcome, en('console.field.defendantHeard'), en('console.answer.yes'));
      await choose(outcome, en('console.field.lawyerPresent'), en('console.answer.yes'));
      findings.push(...(await auditPage(page, 'agenda outcome dialog')));
      await outcome.getByRole('button', { name: en('console.form.hearingOutcome.submit') }).click();
      await outcome.waitFor({ state: 'detached' });
      const afterOutcome = await eventually(read, (c) =>
        c.hearings.some((h) => h.hearingId === day.mainHearing && h.status === 'held'),
      );
      const held = afterOutcome.hearings.find((h) => h.hearingId === day.mainHearing);
      expect(held).toMatchObject({ status: 'held', durationMinutes: 35, defendantHeard: true });
      // The hearing is no longer on the agenda: the read waited for the write's position.
      await page
        .getByRole('button', { name: en('roles.agenda.recordOutcomeFor', { name }) })
        .waitFor({ state: 'detached' });

      await page.getByRole('button', { name: en('roles.agenda.extendFor', { name }) }).click();
      const extend = dialog(page, en('roles.quickWrite.title', { form: en('console.form.extendMeasure.title'), name }));
      await extend.waitFor();
      const target = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      await field(extend, en('console.field.extendedUntil')).fill(target);
      await extend.getByRole('button', { name: en('console.form.extendMeasure.submit') }).click();
      await extend.waitFor({ state: 'detached' });
      const after = await eventually(
        read,
        (c) => (c.measure?.until ?? '') > new Date(Date.now() + 50 * 86_400_000).toISOString(),
      );
      expect(after.measure?.measure).toBe('pretrial_detention');
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'shows the week’s hearings at their hour in the lawyer’s zone, and a month',
    async () => {
      await page.getByRole('link', { name: en('roles.nav.calendar') }).click();
      await page.getByRole('heading', { level: 1, name: en('roles.calendar.title') }).waitFor();
      const table = page.getByRole('table');
      await table.getByRole('link', { name: 'Saule Bekova' }).waitFor();
      // Scheduled at 10:00 +05:00: 10:00 in Almaty whatever the browser's own zone.
      const cell = table.getByRole('cell').filter({ has: page.getByRole('link', { name: 'Saule Bekova' }) });
      await expect(cell.textContent()).resolves.toContain('10:00');
      findings.push(...(await auditPage(page, 'calendar week')));
      // The view switch is a radio group: the arrow key moves to the month, as a keyboard user does.
      await page.getByRole('radio', { name: en('roles.calendar.week') }).focus();
      await page.keyboard.press('ArrowRight');
      await page.getByRole('button', { name: en('roles.calendar.next.month') }).waitFor();
      await table.getByRole('link', { name: 'Нурлан Серикбаев' }).first().waitFor();
      findings.push(...(await auditPage(page, 'calendar month')));
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'gives a feed URL once that a real iCalendar parser reads, with nothing typed by a person, and revokes it',
    async () => {
      await page.getByRole('button', { name: en('roles.feed.create') }).click();
      const url = await field(page, en('roles.feed.url')).inputValue();
      expect(url).toMatch(/\/v1\/calendar\/[^/]+\.ics$/);
      findings.push(...(await auditPage(page, 'calendar feed shown')));

      // The calendar application fetches it with no session (a different client altogether).
      const answer = await fetch(url.replace(/^https?:\/\/[^/]+/, service.baseUrl));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/calendar');
      const text = await answer.text();
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
      const upcoming = events.filter((e) => e.startDate.toJSDate().getTime() > Date.now() - 86_400_000);
      expect(upcoming.length).toBeGreaterThanOrEqual(2);
      const bekova = events.find(
        (e) => e.startDate.toJSDate().toISOString().slice(11, 16) === '05:00' && /Almalinsky/.test(e.summary),
      );
      expect(bekova).toBeDefined();
      for (const secret of ['Zholatov', 'Bekova', 'Серикбаев', 'Pre-trial detention for two months']) {
        expect(text).not.toContain(secret);
      }

      await page.getByRole('button', { name: en('roles.feed.revoke') }).click();
      await page.getByText(en('roles.feed.revoked')).waitFor();
      await expect(field(page, en('roles.feed.url')).count()).resolves.toBe(0);
      expect((await fetch(url.replace(/^https?:\/\/[^/]+/, service.baseUrl))).status).toBe(404);
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'keeps notification settings, sends a test message, and shows the reminder log',
    async () => {
      await page.getByRole('link', { name: en('roles.nav.notifications') }).click();
      await field(page, en('roles.notifications.email')).fill('daulet.alerts@casetrack.test');
      await page.getByRole('button', { name: en('roles.notifications.save') }).click();
      await page.getByText(en('roles.notifications.saved')).waitFor();
      // Saved on the account: the page opened afresh shows it, and where reminders go.
      await page.reload();
      await expect(field(page, en('roles.notifications.email')).inputValue()).resolves.toBe(
        'daulet.alerts@casetrack.test',
      );
      await page.getByRole('button', { name: en('roles.notifications.test') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: en('roles.notifications.channel.email') })
        .waitFor();
      await page.getByRole('heading', { name: en('roles.reminders.title') }).waitFor();
      findings.push(...(await auditPage(page, 'notifications')));
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );
});
