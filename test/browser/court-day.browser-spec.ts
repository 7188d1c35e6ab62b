import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Account, ApiClient } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { field, signIn } from './support/console';
import { en, type Locale, message } from './support/messages';
import { almaty } from './support/role-day';
import type { RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

const COURT = 'Специализированный межрайонный суд по уголовным делам г. Алматы';
const PEOPLE = 22;
/** The first cases are the lawyer's: a lawyer's board shows those only. */
const LAWYERS_CASES = 4;

type Kind =
  'detention_ordered' | 'released' | 'administrative_arrest' | 'fine' | 'postponed' | 'house_arrest' | 'other';
/** Twenty decisions of every kind, in the order a court's day gives them. */
const DECISIONS: readonly Kind[] = [
  'detention_ordered',
  'released',
  'administrative_arrest',
  'fine',
  'detention_ordered',
  'postponed',
  'house_arrest',
  'other',
  'detention_ordered',
  'administrative_arrest',
  'released',
  'fine',
  'detention_ordered',
  'postponed',
  'administrative_arrest',
  'house_arrest',
  'detention_ordered',
  'released',
  'fine',
  'detention_ordered',
];

/** The facts each decision appends, in order: the API must show them once each. */
const FACTS: Readonly<Record<Kind, readonly string[]>> = {
  detention_ordered: ['HearingHeld', 'PreventiveMeasureImposed'],
  house_arrest: ['HearingHeld', 'PreventiveMeasureImposed'],
  released: ['HearingHeld', 'Released'],
  administrative_arrest: ['HearingHeld', 'AdministrativeSanctionImposed'],
  fine: ['HearingHeld', 'AdministrativeSanctionImposed'],
  postponed: ['HearingRescheduled'],
  other: ['HearingHeld'],
};
const DECISION_FACTS = new Set(Object.values(FACTS).flat());
/** The row's buttons in their order (hearingDecisionKindValues). */
const DECISION_BUTTONS: readonly Kind[] = [
  'detention_ordered',
  'house_arrest',
  'released',
  'postponed',
  'administrative_arrest',
  'fine',
  'other',
];

function decisionName(kind: Kind, name: string): string {
  return en('console.courtDay.decisionFor', { decision: en(`console.courtDay.decision.${kind}`), name });
}

/** What the test reads of the page's window (the test compiles without the DOM's types). */
interface InPage {
  courtDayMarker?: string;
  innerWidth: number;
  performance: { getEntriesByType(type: string): unknown[] };
  document: {
    documentElement: { scrollWidth: number };
    activeElement: { getAttribute(name: string): string | null } | null;
  };
}

interface Person {
  name: string;
  caseId: string;
}

interface Timeline {
  events: Array<{ type: string }>;
}

/**
 * The court day in the browser (issue 17): a coordinator records twenty decisions of mixed kinds in a row, with the
 * keyboard and the mouse, without a page load; then the API holds each case's facts exactly once; a lawyer's board
 * shows their cases only. Screenshots in en, ru, kk (and at 375 px) go to SCREENSHOTS_DIR when it is set.
 */
describe('a court’s day on one board (browser)', () => {
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  let api: ApiClient;
  let coordinator: Account;
  let lawyer: Account;
  let page: Page;
  const people: Person[] = [];
  const findings: string[] = [];

  beforeAll(async () => {
    suite = await startSuite();
    ({ service, browser } = suite);
    api = new ApiClient(service.baseUrl);
    coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
    lawyer = await api.createAccount('lawyer', 'Daulet Seitkali');
    const post = <T>(path: string, body: unknown): Promise<T> => api.post<T>(path, coordinator.token, body);
    // A day's list: every hearing this morning, three minutes apart (decided later in the day, as courts do). The
    // cases are written side by side, each one's facts in order.
    const names = Array.from({ length: PEOPLE }, (_, i) => `Detainee ${String(i + 1).padStart(2, '0')} Court`);
    const ids = await Promise.all(
      names.map(async (name, i) => {
        const { caseId } = await post<{ caseId: string }>('/v1/cases', {
          detainee: { fullName: name, city: 'Almaty' },
          source: { kind: 'relative' },
          occurredAt: almaty(-1, '20:00:00'),
        });
        await post(`/v1/cases/${caseId}/detention`, { authority: 'police', occurredAt: almaty(-1, '21:00:00') });
        if (i < LAWYERS_CASES) await post(`/v1/cases/${caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });
        const minutes = 3 * i;
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        await post(`/v1/cases/${caseId}/hearings`, {
          kind: 'preventive_measure',
          court: COURT,
          scheduledAt: almaty(0, `${time}:00`),
        });
        return caseId;
      }),
    );
    people.push(...names.map((name, i) => ({ name, caseId: ids[i] })));
    const context = await newContext(browser, service.baseUrl);
    page = await context.newPage();
    await signIn(page, coordinator);
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  const button = (kind: Kind, name: string) =>
    page.getByRole('button', { name: decisionName(kind, name), exact: true });
  const row = (name: string) => page.locator('[data-court-day-row]').filter({ hasText: name });
  const label = (key: string) => en('console.courtDay.fieldFor', { field: en(key) });

  /** Fills what the decision needs on its open form; `keyboard` types into the focused first field. */
  async function fill(kind: Kind, name: string, keyboard: boolean): Promise<void> {
    const form = row(name).locator('form');
    const until = almaty(40, '00:00:00').slice(0, 10);
    switch (kind) {
      case 'detention_ordered':
      case 'house_arrest':
        // A date input's typed order follows the browser's own locale: the value is set, the rest is keys.
        await field(form, label('console.courtDay.field.until')).fill(until);
        break;
      case 'postponed':
        await field(form, label('console.courtDay.field.scheduledAt')).fill(`${almaty(7, '10:00:00').slice(0, 16)}`);
        return;
      case 'administrative_arrest':
        if (keyboard) await page.keyboard.type('15');
        else await field(form, label('console.courtDay.field.days')).fill('15');
        break;
      case 'fine':
        await field(form, label('console.courtDay.field.amount')).fill('200000');
        break;
      case 'released':
      case 'other':
        break;
    }
    if (!keyboard) {
      await field(form, label('console.courtDay.field.lawyerPresent')).selectOption({
        label: en('console.courtDay.answer.yes'),
      });
      // Last a text field, where Enter submits the form.
      await field(form, label('console.courtDay.field.durationMinutes')).fill('3');
    }
  }

  it(
    'records twenty decisions in a row, by keyboard and mouse, without a page load; each fact once in the API',
    async () => {
      await page.getByRole('link', { name: en('console.nav.courtDay') }).click();
      await page.getByRole('heading', { level: 1, name: en('console.courtDay.title') }).waitFor();
      // The day's only court is offered and chosen: its hearings are listed by time.
      await row(people[PEOPLE - 1].name).waitFor();
      await page.evaluate(() => {
        (globalThis as unknown as InPage).courtDayMarker = 'same page';
      });
      findings.push(...(await auditPage(page, 'court day')));

      for (const [i, kind] of DECISIONS.entries()) {
        const { name } = people[i];
        // Some by the keyboard alone: the focus is already on the row's first button (Detention); an arrest is four
        // buttons on. The others by the mouse.
        const keyboard = i > 0 && (kind === 'detention_ordered' || i === 9);
        if (keyboard) {
          await expectFocused(page, decisionName('detention_ordered', name));
          for (let tab = 0; tab < DECISION_BUTTONS.indexOf(kind); tab += 1) await page.keyboard.press('Tab');
          await expectFocused(page, decisionName(kind, name));
          await page.keyboard.press('Enter');
        } else {
          await button(kind, name).click();
        }
        await fill(kind, name, keyboard);
        await page.keyboard.press('Enter');
        await row(name)
          .getByText(new RegExp(`^${en('console.courtDay.recorded', { what: '' })}`))
          .waitFor();
        if (i === 4) findings.push(...(await auditPage(page, 'court day, decisions recorded')));
      }
      // The focus went on to the next undecided row.
      await expectFocused(page, decisionName('detention_ordered', people[DECISIONS.length].name));
      // A postponed hearing leaves the day but stays on the board it was decided on, with what was recorded.
      await row(people[5].name)
        .getByText(new RegExp(`^${en('console.courtDay.recorded', { what: '' })}`))
        .waitFor();

      const navigations = await page.evaluate(
        () => (globalThis as unknown as InPage).performance.getEntriesByType('navigation').length,
      );
      expect(navigations).toBe(1);
      expect(await page.evaluate(() => (globalThis as unknown as InPage).courtDayMarker)).toBe('same page');

      for (const [i, kind] of DECISIONS.entries()) {
        const timeline = await api.get<Timeline>(`/v1/cases/${people[i].caseId}/timeline`, coordinator.token);
        const decided = timeline.events.map((event) => event.type).filter((type) => DECISION_FACTS.has(type));
        expect({ person: people[i].name, facts: decided }).toEqual({ person: people[i].name, facts: FACTS[kind] });
      }
      const undecided = await api.get<Timeline>(`/v1/cases/${people[PEOPLE - 1].caseId}/timeline`, coordinator.token);
      expect(undecided.events.filter((event) => DECISION_FACTS.has(event.type))).toEqual([]);
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'a lawyer’s board holds their cases only',
    async () => {
      const context = await newContext(browser, service.baseUrl);
      const own = await context.newPage();
      await signIn(own, lawyer);
      await own.getByRole('link', { name: en('console.nav.courtDay') }).click();
      await own.locator('[data-court-day-row]').first().waitFor();
      const names = await own.locator('[data-court-day-row] a').allTextContents();
      expect(names).toEqual(people.slice(0, LAWYERS_CASES).map((person) => person.name));
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'shows the board in every language and at 375 px without a horizontal scroll',
    async () => {
      const dir = process.env.SCREENSHOTS_DIR;
      if (dir) mkdirSync(dir, { recursive: true });
      let current: Locale = 'en';
      for (const locale of ['en', 'ru', 'kk'] as const) {
        if (locale !== current) {
          await page.getByLabel(message(current, 'console.layout.language'), { exact: true }).selectOption(locale);
          current = locale;
        }
        await page.getByRole('heading', { level: 1, name: message(locale, 'console.courtDay.title') }).waitFor();
        await page.locator('[data-court-day-row]').first().waitFor();
        if (dir) await page.screenshot({ path: join(dir, `court-day-${locale}.png`), fullPage: true });
      }
      await page.setViewportSize({ width: 375, height: 800 });
      await page.getByRole('heading', { level: 1, name: message(current, 'console.courtDay.title') }).waitFor();
      // The side navigation slides away into the burger: nothing is wider than the window once it has.
      await page.waitForFunction(() => {
        const view = globalThis as unknown as InPage;
        return view.document.documentElement.scrollWidth <= view.innerWidth;
      });
      if (dir) await page.screenshot({ path: join(dir, 'court-day-kk-375.png'), fullPage: true });
    },
    FLOW_MS,
  );
});

/** The focused element is the button named `name`. */
async function expectFocused(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => (globalThis as unknown as InPage).document.activeElement?.getAttribute('aria-label') === wanted,
    name,
  );
}
