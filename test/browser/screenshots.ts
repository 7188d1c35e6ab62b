/**
 * Screenshots of the console's main pages for the README (docs/screenshots/), taken in Debian's chromium from the
 * built service as `npm start` runs it, on a scratch database with a few invented cases written through the API.
 *
 *   npm run build && npm run screenshots             (SCREENSHOTS_DIR=<dir> to write elsewhere)
 *
 * The file names are the README's: sign-in, board, intake, case, case-menu (a write menu open), form-detention, case-ru,
 * board-kk.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Account, ApiClient } from './support/api-client';
import { newContext } from './support/browser';
import { dayInZone, field, signIn } from './support/console';
import { en, type Locale, message } from './support/messages';
import { startSuite } from './support/suite';
import { openWrite, topicButton } from './support/write-menu';

/** The README's images; SCREENSHOTS_DIR writes them elsewhere (to compare before replacing). */
const OUT = process.env.SCREENSHOTS_DIR ?? join(__dirname, '..', '..', 'docs', 'screenshots');
const ZONE = 'Asia/Almaty';

interface Written {
  caseId: string;
  hearingId?: string;
  allegationId?: string;
}

/** A few invented people at different points of their cases, so that the board and a case page have something to show. */
async function writeCases(api: ApiClient, coordinator: Account): Promise<string> {
  const people = [
    { fullName: 'Arman Zholatov', nameVariants: ['Жолатов Арман'], city: 'Almaty' },
    { fullName: 'Saule Bekova', nameVariants: ['Бекова Сауле'], city: 'Astana' },
    { fullName: 'Нурлан Серикбаев', nameVariants: ['Nurlan Serikbayev'], city: 'Almaty' },
    { fullName: 'Dina Omarova', nameVariants: [], city: 'Shymkent' },
    { fullName: 'Ерлан Касымов', nameVariants: [], city: 'Aktobe' },
    { fullName: 'Aigerim Nurpeisova', nameVariants: [], city: 'Almaty' },
  ];
  const token = coordinator.token;
  const post = (path: string, body: unknown): Promise<Written> => api.post<Written>(path, token, body);
  let main = '';
  for (const [i, detainee] of people.entries()) {
    const { caseId } = await post('/v1/cases', { detainee, source: { kind: i % 2 ? 'witness' : 'relative' } });
    if (i === 0) main = caseId;
    if (i === 4) continue; // reported, nothing known yet
    await post(`/v1/cases/${caseId}/detention`, { city: detainee.city, place: 'Republic Square', authority: 'police' });
    if (i === 3) continue;
    await post(`/v1/cases/${caseId}/transfers`, {
      facility: { name: 'Pre-trial detention centre No. 1', city: detainee.city, kind: 'pretrial_detention' },
    });
    await post(`/v1/cases/${caseId}/charges`, { code: 'criminal', article: '272', part: '2', title: 'Mass riots' });
    await post(`/v1/cases/${caseId}/hearings`, {
      kind: 'preventive_measure',
      court: 'Almalinsky District Court',
      scheduledAt: `${dayInZone(-3 - i, ZONE)}T10:00:00+05:00`,
    });
    if (i === 0) {
      const allegation = await post(`/v1/cases/${caseId}/torture-allegations`, {
        periodFrom: `${dayInZone(6, ZONE)}T00:00:00+05:00`,
        facility: 'IVS No. 1',
        methods: ['beating', 'threats_to_family'],
        consent: 'anonymised',
      });
      await post(`/v1/cases/${caseId}/complaints`, {
        allegationId: allegation.allegationId,
        filedWith: 'prosecutor',
        reference: 'PR-2026-114',
      });
      await post(`/v1/cases/${caseId}/access-denials`, { who: 'lawyer', by: 'investigator' });
    }
  }
  return main;
}

async function shoot(page: Page, name: string): Promise<void> {
  // Let lazy chunks and the last query settle: nothing pending on the network for a moment.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(join(OUT, `${name}.png`));
}

async function switchLanguage(page: Page, from: Locale, to: Locale): Promise<void> {
  await page.getByLabel(message(from, 'console.layout.language'), { exact: true }).selectOption(to);
  await page.getByRole('link', { name: message(to, 'console.nav.board') }).waitFor();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const suite = await startSuite();
  try {
    const api = new ApiClient(suite.service.baseUrl);
    const coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
    const caseId = await writeCases(api, coordinator);
    const context = await newContext(suite.browser, suite.service.baseUrl);
    const page = await context.newPage();

    await page.goto('/sign-in');
    await field(page, en('console.signIn.email')).waitFor();
    await shoot(page, 'sign-in');
    await signIn(page, coordinator);
    await page.locator('main a[href^="/cases/"]').first().waitFor();
    await shoot(page, 'board');

    await page.goto('/intake');
    await field(page, en('console.intake.field.fullName')).fill('Жолатов Арман');
    await page
      .getByRole('complementary', { name: en('console.intake.duplicatesWhileTyping') })
      .getByRole('link', { name: 'Arman Zholatov' })
      .waitFor();
    await shoot(page, 'intake');

    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: 'Arman Zholatov' }).waitFor();
    await shoot(page, 'case');
    await topicButton(page, 'hearing').click();
    await page.getByRole('menu').waitFor();
    await shoot(page, 'case-menu');
    await page.keyboard.press('Escape');
    await openWrite(page, 'detention');
    await page.getByRole('dialog').waitFor();
    await shoot(page, 'form-detention');
    await page.keyboard.press('Escape');

    await switchLanguage(page, 'en', 'ru');
    await shoot(page, 'case-ru');
    await page.getByRole('link', { name: message('ru', 'console.nav.board') }).click();
    await switchLanguage(page, 'ru', 'kk');
    await page.locator('main a[href^="/cases/"]').first().waitFor();
    await shoot(page, 'board-kk');
    await context.close();
  } finally {
    await suite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
