import type { Locator, Page } from 'playwright-core';
import { type Account, ApiClient, eventually } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { caseIdOf, dialog, field, focusLook, signIn, tabTo } from './support/console';
import { en } from './support/messages';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

interface Opened {
  caseId: string;
}

/** Intake with the keyboard alone, and what a lawyer may see, in a real browser against the real service. */
describe('keyboard intake and a lawyer’s view (browser)', () => {
  let suite: BrowserSuite;
  let api: ApiClient;
  let coordinator: Account;
  let lawyer: Account;
  const audits: string[] = [];

  beforeAll(async () => {
    suite = await startSuite();
    api = new ApiClient(suite.service.baseUrl);
    [coordinator, lawyer] = await Promise.all([
      api.createAccount('coordinator', 'Kira Coordinator'),
      api.createAccount('lawyer', 'Lev Lawyer'),
    ]);
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  async function audit(page: Page, name: string): Promise<void> {
    audits.push(...(await auditPage(page, name)));
  }

  function openCase(fullName: string, city: string): Promise<Opened> {
    return api.post<Opened>('/v1/cases', coordinator.token, {
      detainee: { fullName, city },
      source: { kind: 'relative' },
    });
  }

  it(
    'takes in a person and merges the duplicate with the keyboard alone (Tab, Enter, typing), focus visible',
    async () => {
      const existing = await openCase('Saltanat Bekkyzy', 'Shymkent');
      const context = await newContext(suite.browser, suite.service.baseUrl);
      const page = await context.newPage();
      // Each element reached is compared, focused and after the focus moved on: the same look means invisible focus.
      const invisibleFocus: string[] = [];
      let previous: { name: string; target: Locator; look: string } | null = null;
      const tab = async (name: string, target: Locator): Promise<void> => {
        const look = await tabTo(page, target);
        if (previous !== null && (await previous.target.count()) === 1) {
          if ((await focusLook(previous.target)) === previous.look) invisibleFocus.push(previous.name);
        }
        previous = { name, target, look };
      };

      await page.goto('/sign-in');
      await tab('email', field(page, en('console.signIn.email')));
      await page.keyboard.type(coordinator.email);
      await tab('password', field(page, en('console.signIn.password')));
      await page.keyboard.type(coordinator.password);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/board');

      await tab('intake link', page.getByRole('link', { name: en('console.nav.intake') }));
      await page.keyboard.press('Enter');
      await page.waitForURL('**/intake');
      await tab('full name', field(page, en('console.intake.field.fullName')));
      await page.keyboard.type('Салтанат Беккызы');
      await tab('city', field(page, en('console.intake.field.city')));
      await page.keyboard.type('Shymkent');
      const source = field(page, en('console.intake.field.sourceKind'));
      await tab('source', source);
      // A closed native select steps through its options with the arrow keys: the first after "Choose…".
      await page.keyboard.press('ArrowDown');
      expect(await source.inputValue()).toBe('relative');
      const whileTyping = page.getByRole('complementary', { name: en('console.intake.duplicatesWhileTyping') });
      await whileTyping.getByRole('link', { name: 'Saltanat Bekkyzy' }).waitFor();
      await tab('submit', page.getByRole('button', { name: en('console.intake.submit') }));
      await page.keyboard.press('Enter');

      const opened = page.getByRole('link', { name: en('console.intake.openCase', { name: 'Салтанат Беккызы' }) });
      const duplicate = await caseIdOf(opened);
      const after = page.getByRole('region', { name: en('console.intake.duplicatesAfter') });
      const match = after.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Saltanat Bekkyzy' }) });
      await tab('merge', match.getByRole('button', { name: en('console.intake.mergeInto') }));
      await page.keyboard.press('Enter');
      const reason = field(dialog(page, en('console.merge.title')), en('console.merge.reason'));
      await tab('reason', reason);
      await page.keyboard.type('The same person, written in Cyrillic');
      await tab(
        'merge submit',
        dialog(page, en('console.merge.title')).getByRole('button', { name: en('console.merge.submit') }),
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/cases/${existing.caseId}`);

      const merged = await eventually(
        () => api.get<{ mergedInto?: string | null }>(`/v1/cases/${duplicate}`, coordinator.token),
        (read) => read.mergedInto === existing.caseId,
      );
      expect(merged.mergedInto).toBe(existing.caseId);
      expect(invisibleFocus).toEqual([]);
      await context.close();
    },
    FLOW_MS,
  );

  it(
    'shows a lawyer only their cases on the board, and the not-found page for any other case URL',
    async () => {
      const theirs = await openCase('Erlan Assigned', 'Almaty');
      const other = await openCase('Bolat Unassigned', 'Almaty');
      await api.post(`/v1/cases/${theirs.caseId}/lawyers`, coordinator.token, { lawyerId: lawyer.id, role: 'lead' });
      // The lawyer's own read through the API agrees before the browser looks (the projector has caught up).
      await eventually(
        () => api.get<{ total: number }>('/v1/cases', lawyer.token),
        (list) => list.total === 1,
      );

      const context = await newContext(suite.browser, suite.service.baseUrl);
      const page = await context.newPage();
      await signIn(page, lawyer);
      const rows = page.locator('main a[href^="/cases/"]');
      await rows.first().waitFor();
      const shown = await rows.evaluateAll((links) =>
        links.map((link) => (link as unknown as { getAttribute(n: string): string }).getAttribute('href')),
      );
      expect(shown).toEqual([`/cases/${theirs.caseId}`]);
      // The count, shown and in the table's caption.
      await page
        .getByText(en('console.board.count', { total: 1 }), { exact: true })
        .first()
        .waitFor();
      await audit(page, 'board (lawyer)');

      for (const caseId of [other.caseId, '00000000-0000-4000-8000-000000000000']) {
        await page.goto(`/cases/${caseId}`);
        await page.getByText(en('console.error.NOT_FOUND')).waitFor();
        expect(await page.getByText('Bolat Unassigned').count()).toBe(0);
        await audit(page, 'case not found (lawyer)');
      }
      await page.goto(`/cases/${theirs.caseId}`);
      await page.getByRole('heading', { level: 1, name: 'Erlan Assigned' }).waitFor();
      await context.close();
    },
    FLOW_MS,
  );

  it('has no serious or critical axe-core violation and no raw message key on the pages the lawyer visited', () => {
    expect(audits).toEqual([]);
  });
});
