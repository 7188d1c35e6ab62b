import type { Locator, Page } from 'playwright-core';
import { type Account, ApiClient, eventually } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { choose, dayInZone, dialog, field } from './support/console';
import { en } from './support/messages';
import { offeredBeside, openWrite, writeMenus } from './support/write-menu';
import { type BrowserSuite, startSuite } from './support/suite';

const ZONE = 'Asia/Almaty';

interface Opened {
  caseId: string;
}
interface Timeline {
  events: Array<{ type: string }>;
}
interface CaseDetail {
  closed: boolean;
  mergedInto: string | null;
  fullName: string;
  occupation: string | null;
  nameVariants: string[];
  lawyers: Array<{ lawyerId: string }>;
  links: Array<{ caseId: string; relation: string }>;
  hearings: Array<{ status: string }>;
  charges: Array<{ status: string; article: string | null }>;
  complaints: Array<{ status: string }>;
  death: unknown;
  verdict: unknown;
}

/** Forty-odd forms filled one after the other on a shared two-core machine take minutes. */
const LONG = 300_000;

/** An instant `days` from now, as the API takes it. */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Every write form of the case page beyond the first ones, used in a real browser against the service as `npm start`
 * runs it: each form is opened from the case page's menu, audited (axe-core, raw message keys), filled through its
 * labels and submitted, and the API then holds each fact once. The roles see only their writes.
 */
describe('every write form on the case page (browser)', () => {
  let suite: BrowserSuite;
  let api: ApiClient;
  let coordinator: Account;
  let lawyer: Account;
  let auditor: Account;
  const findings: string[] = [];
  let serik = '';

  beforeAll(async () => {
    suite = await startSuite();
    api = new ApiClient(suite.service.baseUrl);
    coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
    lawyer = await api.createAccount('lawyer', 'Bolat Lawyer');
    auditor = await api.createAccount('auditor', 'Aruzhan Auditor');
  });
  afterAll(async () => {
    await suite?.close();
  });

  const open = async (fullName: string, city: string): Promise<string> =>
    (
      await api.post<Opened>('/v1/cases', coordinator.token, {
        detainee: { fullName, city },
        source: { kind: 'relative' },
        occurredAt: inDays(-20),
      })
    ).caseId;

  async function signedIn(account: Account, caseId: string): Promise<Page> {
    const context = await newContext(suite.browser, suite.service.baseUrl);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await field(page, en('console.signIn.email')).fill(account.email);
    await field(page, en('console.signIn.password')).fill(account.password);
    await page.getByRole('button', { name: en('console.signIn.submit') }).click();
    await page.waitForURL('**/board');
    await page.goto(`/cases/${caseId}`);
    await page
      .getByRole('heading', { level: 1 })
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`case page did not open: ${await page.locator('main').innerText()}`, { cause: error });
      });
    return page;
  }

  /** Opens the form `id` from the menu, audits it, lets `fill` fill it, submits, and waits for it to close. */
  async function record(page: Page, id: string, fill: (form: Locator) => Promise<void>): Promise<void> {
    const title = en(`console.form.${id}.title`);
    await openWrite(page, id);
    const form = dialog(page, title);
    await form.waitFor();
    findings.push(...(await auditPage(page, `form ${id}`)));
    await fill(form);
    await form.getByRole('button', { name: en(`console.form.${id}.submit`), exact: true }).click();
    if (id === 'erase') return;
    // A form that stays open shows why (a refusal, a field error): say it in the failure.
    await form.waitFor({ state: 'hidden' }).catch(async (error: unknown) => {
      throw new Error(`${id} stayed open: ${await form.innerText()}`, { cause: error });
    });
  }

  it(
    'records each write through its form; the API holds each fact once',
    async () => {
      serik = await open('Serik Nurlanov', 'Aktau');
      const aigul = await open('Aigul Nurlanova', 'Aktau');
      await api.post(`/v1/cases/${serik}/detention`, coordinator.token, {
        authority: 'police',
        occurredAt: inDays(-19),
      });
      const charges = ['272', '274'];
      for (const article of charges) {
        await api.post(`/v1/cases/${serik}/charges`, coordinator.token, { code: 'criminal', article });
      }
      for (const days of [5, 6]) {
        await api.post(`/v1/cases/${serik}/hearings`, coordinator.token, {
          kind: 'preventive_measure',
          court: 'Aktau City Court',
          scheduledAt: inDays(days),
        });
      }
      for (const filedWith of ['prosecutor', 'ombudsperson']) {
        await api.post(`/v1/cases/${serik}/complaints`, coordinator.token, { filedWith });
      }

      const page = await signedIn(coordinator, serik);
      findings.push(...(await auditPage(page, 'case page with every write')));
      await record(page, 'assignLawyer', async (form) => {
        await choose(form, en('console.field.lawyer'), 'Bolat Lawyer');
        await choose(form, en('console.field.lawyerRole'), en('vocabulary.lawyerRole.support'));
      });
      await record(page, 'whereaboutsUnknown', async (form) => {
        await field(form, en('console.field.reportedBy')).fill('His sister');
      });
      await record(page, 'accessDenied', async (form) => {
        await choose(form, en('console.field.accessDeniedTo'), en('vocabulary.accessDeniedTo.lawyer'));
        await field(form, en('console.field.deniedBy')).fill('The duty investigator');
      });
      await record(page, 'accessGranted', async (form) => {
        await choose(form, en('console.field.accessGrantedTo'), en('vocabulary.accessDeniedTo.lawyer'));
      });
      await record(page, 'medical', async (form) => {
        await choose(form, en('console.field.medicalKind'), en('vocabulary.medicalKind.need'));
        await field(form, en('console.field.details')).fill('Needs insulin every day');
      });
      await record(page, 'administrativeSanction', async (form) => {
        await choose(form, en('console.field.sanctionKind'), en('vocabulary.sanctionKind.fine'));
        await field(form, en('console.field.amount')).fill('34500,50');
        await field(form, en('console.field.currency')).fill('kzt');
      });
      await record(page, 'requalifyCharge', async (form) => {
        await field(form, en('console.field.charge')).selectOption({ index: 1 });
        await field(form, en('console.field.newArticle')).fill('274');
        await field(form, en('console.field.part')).fill('2');
      });
      await record(page, 'dropCharge', async (form) => {
        await field(form, en('console.field.charge')).selectOption({ index: 2 });
        await field(form, en('console.field.reason')).fill('Dropped by the investigator');
      });
      await record(page, 'rescheduleHearing', async (form) => {
        await field(form, en('console.field.hearing')).selectOption({ index: 1 });
        await field(form, en('console.field.newScheduledAt')).fill(`${dayInZone(-8, ZONE)}T11:30`);
      });
      await record(page, 'cancelHearing', async (form) => {
        await field(form, en('console.field.hearing')).selectOption({ index: 1 });
        await field(form, en('console.field.reason')).fill('The judge is ill');
      });
      await record(page, 'preventiveMeasure', async (form) => {
        await choose(form, en('console.field.measure'), en('vocabulary.measure.pretrial_detention'));
        await field(form, en('console.field.measureUntil')).fill(dayInZone(-60, ZONE));
      });
      await record(page, 'extendMeasure', async (form) => {
        await field(form, en('console.field.extendedUntil')).fill(dayInZone(-90, ZONE));
      });
      await record(page, 'complaintPressure', async (form) => {
        await field(form, en('console.field.complaint')).selectOption({ index: 1 });
        await field(form, en('console.field.pressureDetails')).fill('Told to withdraw the complaint');
      });
      await record(page, 'complaintResponse', async (form) => {
        await field(form, en('console.field.complaint')).selectOption({ index: 1 });
        await choose(form, en('console.field.complaintOutcome'), en('vocabulary.complaintOutcome.refused'));
      });
      await record(page, 'complaintWithdrawal', async (form) => {
        await field(form, en('console.field.complaint')).selectOption({ index: 1 });
        await field(form, en('console.field.reason')).fill('The family asked for it');
      });
      await record(page, 'pressure', async (form) => {
        await choose(form, en('console.field.pressureKind'), en('vocabulary.pressureKind.threat_to_family'));
        await field(form, en('console.field.pressureDetails')).fill('Visits to the family at night');
      });
      await record(page, 'note', async (form) => {
        await field(form, en('console.field.noteText')).fill('The sister will bring documents');
        await choose(form, en('console.when.precision'), en('vocabulary.precision.unknown'));
      });
      await record(page, 'identity', async (form) => {
        await field(form, en('console.field.occupation')).fill('Oil worker');
        await field(form, en('console.intake.field.birthYear')).fill('1988');
      });
      await record(page, 'nameVariants', async (form) => {
        await field(form, en('console.field.variants')).fill('Серик Нурланов\nSerik Nurlanuly');
      });
      await record(page, 'link', async (form) => {
        await form.getByRole('combobox', { name: new RegExp(`^${en('console.field.linkedCase')}`) }).fill('Aigul');
        await page.getByRole('option', { name: 'Aigul Nurlanova, Aktau' }).click();
        await choose(form, en('console.field.relation'), en('vocabulary.linkRelation.relative'));
      });
      await record(page, 'houseArrest', async (form) => {
        await field(form, en('console.field.measureUntil')).fill(dayInZone(-30, ZONE));
        await field(form, en('console.field.address')).fill('Microdistrict 5, house 12');
      });
      await record(page, 'release', async (form) => {
        await field(form, en('console.field.note')).fill('Released in the evening');
      });
      await record(page, 'verdict', async (form) => {
        await choose(form, en('console.field.verdictOutcome'), en('vocabulary.verdictOutcome.convicted'));
        await choose(form, en('console.field.sentenceKind'), en('vocabulary.sentenceKind.suspended'));
        await field(form, en('console.field.sentenceMonths')).fill('24');
      });
      await record(page, 'unassignLawyer', async (form) => {
        await choose(form, en('console.field.lawyer'), 'Bolat Lawyer');
      });
      await record(page, 'close', async (form) => {
        await field(form, en('console.field.reason')).fill('The work on the case ended');
      });
      await record(page, 'reopen', async (form) => {
        await field(form, en('console.field.reason')).fill('New facts came up');
      });
      await record(page, 'death', async (form) => {
        await choose(form, en('console.field.deathCircumstances'), en('vocabulary.deathCircumstances.after_release'));
        await choose(form, en('console.field.bodyReleased'), en('console.answer.yes'));
      });

      const expected = [
        'LawyerAssigned',
        'WhereaboutsUnknownReported',
        'AccessDenied',
        'AccessGranted',
        'MedicalFactRecorded',
        'AdministrativeSanctionImposed',
        'ChargeRequalified',
        'ChargeDropped',
        'HearingRescheduled',
        'HearingCancelled',
        'PreventiveMeasureImposed',
        'PreventiveMeasureExtended',
        'ComplainantPressured',
        'ComplaintAnswered',
        'ComplaintWithdrawn',
        'PressureReported',
        'NoteAdded',
        'IdentityCorrected',
        'NameVariantsAdded',
        'CaseLinked',
        'ReleasedToHouseArrest',
        'Released',
        'VerdictDelivered',
        'LawyerUnassigned',
        'CaseClosed',
        'CaseReopened',
        'DeathRecorded',
      ];
      // The reads follow the projector: wait until the last fact is read, then count every one.
      const timeline = await eventually(
        () => api.get<Timeline>(`/v1/cases/${serik}/timeline`, coordinator.token),
        (read) => read.events.some((e) => e.type === 'DeathRecorded'),
      );
      const counts = new Map<string, number>();
      for (const event of timeline.events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      expect(Object.fromEntries(expected.map((type) => [type, counts.get(type) ?? 0]))).toEqual(
        Object.fromEntries(expected.map((type) => [type, 1])),
      );
      const detail = await eventually(
        () => api.get<CaseDetail>(`/v1/cases/${serik}`, coordinator.token),
        (read) => read.death !== null,
      );
      expect(detail.occupation).toBe('Oil worker');
      expect(detail.nameVariants).toEqual(expect.arrayContaining(['Серик Нурланов', 'Serik Nurlanuly']));
      expect(detail.links).toEqual([{ caseId: aigul, relation: 'relative' }]);
      expect(detail.charges.map((c) => c.status).sort()).toEqual(['active', 'dropped']);
      expect(detail.complaints.map((c) => c.status).sort()).toEqual(['answered', 'withdrawn']);
      expect(detail.lawyers).toEqual([]);
      await page.context().close();
    },
    LONG,
  );

  it(
    'merges a duplicate into the case found by name, and erases a case only after its name is typed',
    async () => {
      const duplicate = await open('Серик Нурланов', 'Aktau');
      const erased = await open('Marat Erasedov', 'Atyrau');
      const page = await signedIn(coordinator, duplicate);
      await record(page, 'merge', async (form) => {
        await form.getByRole('combobox', { name: new RegExp(`^${en('console.field.survivor')}`) }).fill('Serik');
        await page.getByRole('option', { name: 'Serik Nurlanov, Aktau' }).click();
        await field(form, en('console.field.mergeReason')).fill('The same person, spelled in Cyrillic');
      });
      const merged = await eventually(
        () => api.get<CaseDetail>(`/v1/cases/${duplicate}`, coordinator.token),
        (read) => read.mergedInto !== null,
      );
      expect(merged.mergedInto).toBe(serik);

      await page.goto(`/cases/${erased}`);
      await page.getByRole('heading', { level: 1, name: 'Marat Erasedov' }).waitFor();
      await record(page, 'erase', async (form) => {
        await field(form, en('console.field.eraseReason')).fill('Asked by the person');
      });
      const confirm = dialog(page, en('console.erase.title', { name: 'Marat Erasedov' }));
      await confirm.waitFor();
      findings.push(...(await auditPage(page, 'erase confirmation')));
      const button = confirm.getByRole('button', { name: en('console.erase.confirm') });
      expect(await button.isDisabled()).toBe(true);
      await field(confirm, en('console.erase.typeName', { name: 'Marat Erasedov' })).fill('Marat Erasedov');
      await button.click();
      await confirm.waitFor({ state: 'hidden' });
      const timeline = await eventually(
        () => api.get<Timeline>(`/v1/cases/${erased}/timeline`, coordinator.token),
        (read) => read.events.some((e) => e.type === 'CaseErased'),
      );
      expect(timeline.events.filter((e) => e.type === 'CaseErased')).toHaveLength(1);
      await page.context().close();
    },
    LONG,
  );

  it('a lawyer is offered no merge or erase, an auditor no write at all', async () => {
    const mine = await open('Nurlan Lawyerov', 'Aktau');
    await api.post(`/v1/cases/${mine}/lawyers`, coordinator.token, { lawyerId: lawyer.id, role: 'lead' });
    const asLawyer = await signedIn(lawyer, mine);
    // Merge and erase live in the case's menu beside the note: the lawyer's has the note, not them.
    const beside = await offeredBeside(asLawyer, 'note');
    expect(beside).toContain(en('console.form.note.title'));
    for (const id of ['merge', 'erase']) expect(beside).not.toContain(en(`console.form.${id}.title`));
    await asLawyer.context().close();
    const asAuditor = await signedIn(auditor, mine);
    await asAuditor.getByRole('heading', { level: 1, name: 'Nurlan Lawyerov' }).waitFor();
    expect(await writeMenus(asAuditor).count()).toBe(0);
    await asAuditor.context().close();
  });

  it('has no serious or critical axe-core violation and no raw message key in any form', () => {
    expect(findings).toEqual([]);
  });
});
