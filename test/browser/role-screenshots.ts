/**
 * Screenshots of each role's pages for the README (docs/screenshots/), as screenshots.ts takes the main ones: Debian's
 * chromium, the built service as `npm start` runs it, a scratch database with invented cases written through the API.
 *
 *   npm run build && npx ts-node -r tsconfig-paths/register --transpile-only test/browser/role-screenshots.ts
 *
 * Files: agenda, calendar, escalations, statistics, history, accounts (SCREENSHOTS_DIR to write elsewhere).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Account } from './support/api-client';
import { newContext } from './support/browser';
import { signIn } from './support/console';
import { writeRoleDay } from './support/role-day';
import { startSuite } from './support/suite';

const OUT = process.env.SCREENSHOTS_DIR ?? join(__dirname, '..', '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  console.log(join(OUT, `${name}.png`));
}

async function as(browser: Browser, baseUrl: string, account: Account): Promise<Page> {
  const context = await newContext(browser, baseUrl);
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const suite = await startSuite();
  try {
    const { baseUrl } = suite.service;
    const day = await writeRoleDay(baseUrl);

    const lawyer = await as(suite.browser, baseUrl, day.lawyer);
    await lawyer.goto('/agenda');
    await lawyer
      .getByRole('cell', { name: /Almalinsky District Court/ })
      .first()
      .waitFor();
    await shoot(lawyer, 'agenda');
    await lawyer.goto('/calendar');
    await lawyer.getByRole('link', { name: 'Arman Zholatov' }).first().waitFor();
    await shoot(lawyer, 'calendar');

    const coordinator = await as(suite.browser, baseUrl, day.coordinator);
    await coordinator.goto('/escalations');
    await coordinator.getByRole('link', { name: 'Dina Omarova' }).waitFor();
    await shoot(coordinator, 'escalations');
    await coordinator.goto('/stats');
    await coordinator.getByRole('img', { name: 'Cases by city' }).waitFor();
    await shoot(coordinator, 'statistics');

    const auditor = await as(suite.browser, baseUrl, day.auditor);
    await auditor.goto(`/history/${day.mainCase}`);
    await auditor.getByRole('slider', { name: 'Later moment' }).waitFor();
    await auditor
      .getByRole('status')
      .filter({ hasText: /Intact/ })
      .waitFor();
    // "What had happened by", the later moment a few facts back: the case mid-way, and what changed up to then.
    await auditor.getByRole('radio', { name: 'What we knew on' }).focus();
    await auditor.keyboard.press('ArrowLeft');
    await auditor.getByRole('slider', { name: 'Later moment' }).focus();
    for (let i = 0; i < 4; i++) await auditor.keyboard.press('ArrowLeft');
    await auditor.mouse.move(0, 0);
    await shoot(auditor, 'history');

    const admin = await as(suite.browser, baseUrl, day.admin);
    await admin.goto('/accounts');
    await admin.getByRole('rowheader', { name: 'Daulet Seitkali' }).waitFor();
    await shoot(admin, 'accounts');
  } finally {
    await suite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
