import type { Browser, Page } from 'playwright-core';
import { type Account, ApiClient } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { signIn } from './support/console';
import { type Locale, message } from './support/messages';
import type { RunningService } from './support/service';
import { type BrowserSuite, SUITE_START_MS, startSuite } from './support/suite';

/** Every page of every role in every language: slow on a loaded machine, so one role is one test. */
const ROLE_MS = 600_000;
const LOCALES: readonly Locale[] = ['en', 'ru', 'kk'];
const ROLES = ['coordinator', 'lawyer', 'auditor', 'admin'] as const;

/** What of the header does not fit at 1280 px: controls outside the window, a cut language name, a second line. */
async function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    interface Box {
      getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; height: number };
      clientWidth: number;
      innerText: string;
      selectedOptions?: ArrayLike<{ text: string }>;
      querySelectorAll(selector: string): ArrayLike<Box>;
      querySelector(selector: string): Box | null;
      appendChild(child: Box): void;
      remove(): void;
      offsetWidth: number;
      textContent: string | null;
      style: Record<string, string>;
    }
    interface Doc {
      querySelector(selector: string): Box | null;
      createElement(tag: string): Box;
      body: Box;
    }
    const doc = (globalThis as unknown as { document: Doc }).document;
    const view = globalThis as unknown as {
      innerWidth: number;
      getComputedStyle(e: Box): { paddingLeft: string; paddingRight: string; font: string };
    };
    const header = doc.querySelector('header');
    if (header === null) return ['no header'];
    const problems: string[] = [];
    const controls = Array.from(header.querySelectorAll('button, select, a[href]'));
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.height > 0 && (box.left < 0 || box.right > view.innerWidth)) {
        problems.push(`outside the window: ${control.innerText.trim()}`);
      }
    }
    const select = header.querySelector('select');
    if (select === null) return [...problems, 'no language select'];
    // The chosen language's name in the select's own font, against the room left of its arrow.
    const style = view.getComputedStyle(select);
    const probe = doc.createElement('span');
    probe.style.font = style.font;
    probe.style.whiteSpace = 'nowrap';
    probe.style.position = 'absolute';
    probe.textContent = select.selectedOptions?.[0]?.text ?? '';
    doc.body.appendChild(probe);
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (probe.offsetWidth > room) problems.push(`language cut: ${probe.textContent} (${probe.offsetWidth} > ${room})`);
    probe.remove();
    if (header.getBoundingClientRect().height > 61) problems.push('the header runs onto a second line');
    return problems;
  });
}

/**
 * The console's frame holds every language and every page of the navigation: at 1280 px no link or button is cut
 * off, the language select shows the whole name ("Қазақша"), the header stays on one line, in en, ru and kk.
 */
describe('console layout in every language (browser)', () => {
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  const accounts = new Map<string, Account>();

  beforeAll(async () => {
    suite = await startSuite();
    ({ service, browser } = suite);
    const api = new ApiClient(service.baseUrl);
    for (const role of ROLES) accounts.set(role, await api.createAccount(role, `Dana ${role} Zhaksylykova`));
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  it.each(ROLES)(
    "the %s's pages: nothing cut off in the header, the side navigation or the page, in en, ru and kk",
    async (role) => {
      const account = accounts.get(role);
      if (account === undefined) throw new Error(`no ${role} account`);
      const context = await newContext(browser, service.baseUrl);
      const page = await context.newPage();
      await signIn(page, account);
      const findings: string[] = [];
      let current: Locale = 'en';
      for (const locale of LOCALES) {
        if (locale !== current) {
          await page.getByLabel(message(current, 'console.layout.language'), { exact: true }).selectOption(locale);
          current = locale;
        }
        const t = (key: string): string => message(locale, key);
        const nav = page.getByRole('navigation', { name: t('console.layout.navigation') });
        await nav.getByRole('link', { name: t('console.nav.board') }).waitFor();
        const targets = await nav
          .getByRole('link')
          .evaluateAll((links) =>
            links.map((link) => (link as unknown as { getAttribute(n: string): string | null }).getAttribute('href')),
          );
        for (const href of targets) {
          if (href === null) continue;
          await nav.locator(`a[href="${href}"]`).click();
          await page.waitForURL(`**${href}`);
          await page.locator('main h1').first().waitFor();
          await page.getByRole('button', { name: t('console.layout.signOut') }).waitFor();
          findings.push(...(await headerProblems(page)).map((problem) => `${role} ${href} (${locale}): ${problem}`));
          findings.push(...(await auditPage(page, `${role} ${href} (${locale})`)));
        }
      }
      expect(findings).toEqual([]);
      await context.close();
    },
    ROLE_MS,
  );
});
