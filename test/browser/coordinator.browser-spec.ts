import type { Locator, Page } from 'playwright-core';
import { formatDateTime } from '@casetrack/i18n';
import { type Account, ApiClient, eventually } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { caseIdOf, choose, dayInZone, dialog, field, signIn, timelineEntries } from './support/console';
import { en, type Locale, message } from './support/messages';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';
import { openWrite } from './support/write-menu';

const ZONE = 'Asia/Almaty';

interface CaseDetail {
  caseId: string;
  fullName: string;
  nameVariants: string[];
  mergedInto?: string | null;
  closed: boolean;
  hearings: Array<{ status: string }>;
  complaints: unknown[];
  allegations: unknown[];
  charges: unknown[];
  transfers: unknown[];
}
interface Timeline {
  events: Array<{ type: string; recordedAt: string; actor: { id: string; role: string } }>;
}

/**
 * A coordinator's core work in a real browser against the service as `npm start` runs it: intake with a duplicate
 * written in Cyrillic and merged, the case page's writes, the timeline, the languages. The tests run in order and
 * share the cases they open; each has a fresh browser context (a new sign-in).
 */
describe('the coordinator in the console (browser)', () => {
  let suite: BrowserSuite;
  let api: ApiClient;
  let coordinator: Account;
  /** Serious and critical axe-core findings and raw message keys on every page visited, checked by the last test. */
  const audits: string[] = [];
  let arman = '';

  beforeAll(async () => {
    suite = await startSuite();
    api = new ApiClient(suite.service.baseUrl);
    coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  async function signedInPage(): Promise<Page> {
    const context = await newContext(suite.browser, suite.service.baseUrl);
    const page = await context.newPage();
    await signIn(page, coordinator);
    return page;
  }

  async function audit(page: Page, name: string): Promise<void> {
    audits.push(...(await auditPage(page, name)));
  }

  /** Waits for a form's dialog to close (recorded); if it stays open, fails with what it shows (an error, a 412). */
  async function closed(scope: Locator): Promise<void> {
    try {
      await scope.waitFor({ state: 'hidden' });
    } catch (error) {
      const shown = await scope.innerText().catch(() => '(gone)');
      throw new Error(`The form stayed open, showing:\n${shown}`, { cause: error });
    }
  }

  async function takeIn(page: Page, person: { fullName: string; city: string; source: string }): Promise<string> {
    await field(page, en('console.intake.field.fullName')).fill(person.fullName);
    await field(page, en('console.intake.field.city')).fill(person.city);
    await choose(page, en('console.intake.field.sourceKind'), en(`vocabulary.sourceKind.${person.source}`));
    await page.getByRole('button', { name: en('console.intake.submit') }).click();
    return caseIdOf(page.getByRole('link', { name: en('console.intake.openCase', { name: person.fullName }) }));
  }

  it(
    'takes in three people; the one written in Cyrillic shows as a possible duplicate and is merged',
    async () => {
      const page = await signedInPage();
      await audit(page, 'board');
      await page.getByRole('link', { name: en('console.nav.intake') }).click();
      await page.getByRole('heading', { level: 1, name: en('console.intake.title') }).waitFor();
      await audit(page, 'intake');

      arman = await takeIn(page, { fullName: 'Arman Zholatov', city: 'Almaty', source: 'relative' });
      await page.getByRole('button', { name: en('console.intake.another') }).click();
      const saule = await takeIn(page, { fullName: 'Saule Bekova', city: 'Astana', source: 'witness' });
      await page.getByRole('button', { name: en('console.intake.another') }).click();

      // While the name is typed, the case opened in Latin letters shows as possibly the same person.
      await field(page, en('console.intake.field.fullName')).fill('Жолатов Арман');
      const whileTyping = page.getByRole('complementary', { name: en('console.intake.duplicatesWhileTyping') });
      await whileTyping.getByRole('link', { name: 'Arman Zholatov' }).waitFor();
      await audit(page, 'intake with possible duplicates');
      const duplicate = await takeIn(page, { fullName: 'Жолатов Арман', city: 'Almaty', source: 'ngo' });

      // And after submitting, from the answer's possibleDuplicates, with the offer to merge.
      const after = page.getByRole('region', { name: en('console.intake.duplicatesAfter') });
      const match = after.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Arman Zholatov' }) });
      expect(await caseIdOf(match.getByRole('link', { name: 'Arman Zholatov' }))).toBe(arman);
      expect(await after.getByRole('link', { name: 'Saule Bekova' }).count()).toBe(0);
      await match.getByRole('button', { name: en('console.intake.mergeInto') }).click();
      const merge = dialog(page, en('console.merge.title'));
      await field(merge, en('console.merge.reason')).fill('Same person: the relative spelled the name in Cyrillic');
      await audit(page, 'merge dialog');
      await merge.getByRole('button', { name: en('console.merge.submit') }).click();
      await page.waitForURL(`**/cases/${arman}`);

      const merged = await eventually(
        () => api.get<CaseDetail>(`/v1/cases/${duplicate}`, coordinator.token),
        (read) => read.mergedInto === arman,
      );
      expect(merged).toMatchObject({ mergedInto: arman, closed: true });
      const survivor = await eventually(
        () => api.get<CaseDetail>(`/v1/cases/${arman}`, coordinator.token),
        (read) => read.nameVariants.includes('Жолатов Арман'),
      );
      expect(survivor.nameVariants).toContain('Жолатов Арман');
      // The survivor's page, opened by the merge, shows the spelling it gained.
      await page
        .getByText(en('console.case.spellings', { names: 'Жолатов Арман' }))
        .first()
        .waitFor();
      const others = await api.get<CaseDetail>(`/v1/cases/${saule}`, coordinator.token);
      expect(others).toMatchObject({ fullName: 'Saule Bekova', closed: false });
      await page.context().close();
    },
    FLOW_MS,
  );

  it(
    'records a detention, a transfer, a charge, a hearing and its outcome, a torture allegation and a complaint: the timeline shows each, the API has each once though every submit was double-clicked',
    async () => {
      const page = await signedInPage();
      await page.goto(`/cases/${arman}`);
      await page.getByRole('heading', { level: 1, name: 'Arman Zholatov' }).waitFor();
      await audit(page, 'case page');

      /** Opens the form, lets `fill` fill it, double-clicks submit, and waits for the fact in the timeline. */
      const record = async (
        form: string,
        eventType: string,
        fill: (scope: ReturnType<typeof dialog>) => Promise<void>,
      ): Promise<void> => {
        const title = en(`console.form.${form}.title`);
        await openWrite(page, form);
        const scope = dialog(page, title);
        await fill(scope);
        if (form === 'detention') await audit(page, 'case page with a write form');
        await scope.getByRole('button', { name: en(`console.form.${form}.submit`) }).dblclick();
        await closed(scope);
        await timelineEntries(page, en(`dossier.eventType.${eventType}`))
          .first()
          .waitFor();
      };

      await record('detention', 'DetentionRecorded', async (form) => {
        await choose(form, en('console.field.authority'), en('vocabulary.authority.police'));
        await field(form, en('console.field.city')).fill('Almaty');
        await field(form, en('console.field.place')).fill('Republic Square');
      });
      await record('transfer', 'DetaineeTransferred', async (form) => {
        await choose(form, en('console.field.facilityKind'), en('vocabulary.facilityKind.temporary_detention'));
        await field(form, en('console.field.facilityName')).fill('IVS No. 1');
        await field(form, en('console.field.city')).fill('Almaty');
      });
      await record('charge', 'ChargeBrought', async (form) => {
        await choose(form, en('console.field.chargeCode'), en('vocabulary.chargeCode.criminal'));
        await field(form, en('console.field.article')).fill('272');
        await field(form, en('console.field.part')).fill('2');
      });
      await record('hearing', 'HearingScheduled', async (form) => {
        await choose(form, en('console.field.hearingKind'), en('vocabulary.hearingKind.preventive_measure'));
        await field(form, en('console.field.court')).fill('Almalinsky District Court');
        await field(form, en('console.field.scheduledAt')).fill(`${dayInZone(1, ZONE)}T10:00`);
      });
      await record('hearingOutcome', 'HearingHeld', async (form) => {
        await field(form, en('console.field.hearing')).selectOption({ index: 1 });
        await field(form, en('console.field.outcome')).fill('Two months of pre-trial detention');
        await field(form, en('console.field.durationMinutes')).fill('25');
      });
      await record('tortureAllegation', 'TortureAllegationRecorded', async (form) => {
        await field(form, en('console.field.periodFrom')).fill(dayInZone(3, ZONE));
        await field(form, en('console.field.allegationFacility')).fill('IVS No. 1');
        await field(form, en('console.field.account')).fill('Beaten during the first night');
      });
      await record('complaint', 'ComplaintFiled', async (form) => {
        await choose(form, en('console.field.filedWith'), en('vocabulary.complaintBody.prosecutor'));
        await field(form, en('console.field.allegation')).selectOption({ index: 1 });
        await field(form, en('console.field.reference')).fill('PR-2026-114');
      });

      const recorded = [
        'DetentionRecorded',
        'DetaineeTransferred',
        'ChargeBrought',
        'HearingScheduled',
        'HearingHeld',
        'TortureAllegationRecorded',
        'ComplaintFiled',
      ];
      for (const type of recorded) expect(await timelineEntries(page, en(`dossier.eventType.${type}`)).count()).toBe(1);
      const timeline = await api.get<Timeline>(`/v1/cases/${arman}/timeline`, coordinator.token);
      const counts = new Map<string, number>();
      for (const event of timeline.events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      expect(Object.fromEntries(recorded.map((type) => [type, counts.get(type) ?? 0]))).toEqual(
        Object.fromEntries(recorded.map((type) => [type, 1])),
      );
      const detail = await api.get<CaseDetail>(`/v1/cases/${arman}`, coordinator.token);
      expect(detail.hearings.map((h) => h.status)).toEqual(['held']);
      expect([
        detail.transfers.length,
        detail.charges.length,
        detail.allegations.length,
        detail.complaints.length,
      ]).toEqual([1, 1, 1, 1]);
      await page.context().close();
    },
    FLOW_MS,
  );

  it(
    'switches to Russian and Kazakh: texts from the catalogues, dates in that language and the account zone',
    async () => {
      const page = await signedInPage();
      await page.goto(`/cases/${arman}`);
      await page.getByRole('heading', { level: 1, name: 'Arman Zholatov' }).waitFor();
      const opened = (await api.get<Timeline>(`/v1/cases/${arman}/timeline`, coordinator.token)).events[0];

      let current: Locale = 'en';
      for (const locale of ['ru', 'kk'] as const) {
        await page.getByLabel(message(current, 'console.layout.language'), { exact: true }).selectOption(locale);
        current = locale;
        const t = (key: string, values?: Record<string, string | number>): string => message(locale, key, values);
        await page.getByRole('link', { name: t('console.nav.board') }).waitFor();
        await page.getByRole('heading', { level: 2, name: t('console.case.timeline') }).waitFor();
        await page.getByRole('button', { name: t('console.layout.signOut') }).waitFor();
        expect(await timelineEntries(page, t('dossier.eventType.DetaineeTransferred')).count()).toBe(1);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        // "Recorded <date and time> by <name> (<role>)", the date as the server formats it in this language and zone.
        const who = t('console.timeline.actor', { name: coordinator.name, role: t('vocabulary.role.coordinator') });
        const when = formatDateTime(locale, opened.recordedAt, ZONE);
        await page.getByText(t('console.timeline.recorded', { when, who }), { exact: true }).first().waitFor();
        await audit(page, `case page (${locale})`);
      }
      await page.context().close();
    },
    FLOW_MS,
  );

  it(
    'records a second fact right after the first on a slow connection, without calling the first a conflict',
    async () => {
      const { caseId } = await api.post<{ caseId: string }>('/v1/cases', coordinator.token, {
        detainee: { fullName: 'Timur Slowline', city: 'Almaty' },
        source: { kind: 'relative' },
      });
      const page = await signedInPage();
      await page.goto(`/cases/${caseId}`);
      await page.getByRole('heading', { level: 1, name: 'Timur Slowline' }).waitFor();
      // From now on the case's summary answers two seconds late, as on a poor mobile connection (the answers are the
      // service's own, only delayed): the person records the next fact before the page has re-read the case.
      await page.route(new RegExp(`/v1/cases/${caseId}(\\?.*)?$`), async (route) => {
        if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      });
      await openWrite(page, 'detention');
      const detention = dialog(page, en('console.form.detention.title'));
      await choose(detention, en('console.field.authority'), en('vocabulary.authority.police'));
      await detention.getByRole('button', { name: en('console.form.detention.submit') }).click();
      await closed(detention);
      await openWrite(page, 'transfer');
      const transfer = dialog(page, en('console.form.transfer.title'));
      await choose(transfer, en('console.field.facilityKind'), en('vocabulary.facilityKind.police_station'));
      await field(transfer, en('console.field.facilityName')).fill('Police station No. 3');
      await field(transfer, en('console.field.city')).fill('Almaty');
      await transfer.getByRole('button', { name: en('console.form.transfer.submit') }).click();
      await closed(transfer);
      const timeline = await api.get<Timeline>(`/v1/cases/${caseId}/timeline`, coordinator.token);
      expect(timeline.events.map((event) => event.type)).toEqual([
        'CaseOpened',
        'DetentionRecorded',
        'DetaineeTransferred',
      ]);
      await page.context().close();
    },
    FLOW_MS,
  );

  it(
    'shows the first page of the board, and prints how long it took (measured, not asserted)',
    async () => {
      const page = await signedInPage();
      const t0 = performance.now();
      await page.goto('/board');
      await page.locator('main a[href^="/cases/"]').first().waitFor();
      const elapsed = performance.now() - t0;
      const cases = await api.get<{ total: number }>('/v1/cases?pageSize=1', coordinator.token);
      console.log(`board: first rows visible ${elapsed.toFixed(0)} ms after navigation, at ${cases.total} cases`);
      await page.context().close();
    },
    FLOW_MS,
  );

  it('has no serious or critical axe-core violation and no raw message key on any page visited (board, intake, case page, dialogs)', () => {
    expect(audits).toEqual([]);
  });
});
