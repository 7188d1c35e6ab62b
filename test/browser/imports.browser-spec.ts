import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { type Account, ApiClient } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { field, signIn } from './support/console';
import { en, type Locale, message } from './support/messages';
import type { RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

const TWIN = 'Жолатов Арман Серикович';
const OTHER = 'Бекова Сауле Маратовна';
/**
 * A volunteers' list as Excel saves it on a Russian Windows: Windows-1251, `;` between cells, Russian column names.
 * Row 4 is row 2's person again; row 5's date cannot be read.
 */
const LIST = [
  'ФИО;Город;Дата задержания;Примечание',
  `${TWIN};Алматы;05.01.2022;задержан у акимата`,
  `${OTHER};Алматы;06.01.2022 14:30;`,
  `${TWIN};Алматы;05.01.2022;сообщили родственники`,
  'Касымов Ерлан;Алматы;тридцать второе;',
].join('\r\n');
const MAPPING: Readonly<Record<string, string>> = {
  ФИО: 'fullName',
  Город: 'city',
  'Дата задержания': 'detainedAt',
  Примечание: 'note',
};

interface InPage {
  innerWidth: number;
  document: { documentElement: { scrollWidth: number } };
}

interface CaseItem {
  caseId: string;
  fullName: string;
}

/**
 * A list in through the console (issue 17): a coordinator uploads a Windows-1251 CSV with Russian headers, confirms
 * the suggested mapping, checks the rows, skips the twin, commits, follows the progress to the end, downloads the rows
 * not recorded and opens an imported case. Screenshots of each step in en, ru, kk go to SCREENSHOTS_DIR when set.
 */
describe('importing a list (browser)', () => {
  let suite: BrowserSuite;
  let service: RunningService;
  let browser: Browser;
  let api: ApiClient;
  let coordinator: Account;
  let page: Page;
  const findings: string[] = [];
  const dir = process.env.SCREENSHOTS_DIR;
  let current: Locale = 'en';

  beforeAll(async () => {
    suite = await startSuite();
    ({ service, browser } = suite);
    api = new ApiClient(service.baseUrl);
    coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
    const context = await newContext(browser, service.baseUrl, { acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, coordinator);
    if (dir) mkdirSync(dir, { recursive: true });
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  async function speak(locale: Locale): Promise<void> {
    if (locale === current) return;
    await page.getByLabel(message(current, 'console.layout.language'), { exact: true }).selectOption(locale);
    current = locale;
    await page.getByRole('heading', { level: 1, name: message(locale, 'console.imports.title') }).waitFor();
  }

  /** The step as it looks in each language (when SCREENSHOTS_DIR is set), then back in English. */
  async function shoot(step: string): Promise<void> {
    if (!dir) return;
    for (const locale of ['en', 'ru', 'kk'] as const) {
      await speak(locale);
      await page.screenshot({ path: join(dir, `import-${step}-${locale}.png`), fullPage: true });
    }
    await speak('en');
  }

  it(
    'uploads, maps, checks, decides, commits and reports a Windows-1251 list; the imported case opens',
    async () => {
      await page.getByRole('link', { name: en('console.nav.imports') }).click();
      await page.getByRole('heading', { level: 1, name: en('console.imports.title') }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'задержанные.csv',
        mimeType: 'text/csv',
        buffer: iconv.encode(LIST, 'win1251'),
      });
      findings.push(...(await auditPage(page, 'import, upload')));
      await shoot('1-upload');
      await page.getByRole('button', { name: en('console.imports.upload') }).click();

      // The mapping the header suggests, each column with its first values.
      await page.getByRole('button', { name: en('console.imports.check') }).waitFor();
      for (const [column, wanted] of Object.entries(MAPPING)) {
        const select = field(page, en('console.imports.fieldFor', { column }));
        expect({ column, field: await select.inputValue() }).toEqual({ column, field: wanted });
      }
      await page.getByRole('rowheader', { name: 'ФИО' }).waitFor();
      expect(await page.getByRole('row', { name: /ФИО/ }).textContent()).toContain(TWIN);
      findings.push(...(await auditPage(page, 'import, columns')));
      await shoot('2-columns');

      await page.getByRole('button', { name: en('console.imports.check') }).click();
      const counts = page.getByTestId('import-counts');
      await counts.waitFor();
      expect(await counts.textContent()).toBe(
        en('console.imports.counts', { rows: 4, new: 2, duplicate: 1, invalid: 1 }),
      );
      const twinRow = page.locator('[data-import-row="4"]');
      expect(await twinRow.textContent()).toContain(en('console.imports.sameFileRow', { row: 2 }));
      expect(await page.locator('[data-import-row="5"]').textContent()).toContain('Дата задержания');
      await field(twinRow, en('console.imports.decisionFor', { row: 4 })).selectOption({
        label: en('console.imports.decision.skip'),
      });
      findings.push(...(await auditPage(page, 'import, check')));
      await shoot('3-check');
      // A phone's width: the rows' table scrolls in its own box, the page does not.
      await page.setViewportSize({ width: 375, height: 800 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      if (dir) await page.screenshot({ path: join(dir, 'import-3-check-375.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      const commit = page.getByRole('button', { name: en('console.imports.commit', { count: 2 }) });
      await commit.click();
      await page
        .getByRole('heading', { level: 2, name: en('console.imports.status.done') })
        .waitFor({ timeout: 60_000 });
      expect(page.url()).toMatch(/\/imports\/[0-9a-f-]{36}$/);
      expect(await page.getByRole('status').textContent()).toBe(
        en('console.imports.progress', { settled: 4, rows: 4 }),
      );
      for (const [count, value] of [
        ['recorded', '2'],
        ['skipped', '1'],
        ['rejected', '1'],
      ] as const) {
        expect({ count, value: await page.locator(`[data-count="${count}"] p`).first().textContent() }).toEqual({
          count,
          value,
        });
      }
      findings.push(...(await auditPage(page, 'import, done')));
      await shoot('4-done');

      // The rows not recorded, as the file had them, with the row and why.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: en('console.imports.downloadRejected') }).click(),
      ]);
      const rejected = parse(readFileSync(await download.path()), { bom: true }) as string[][];
      const [header, ...rows] = rejected;
      expect(header).toEqual([...Object.keys(MAPPING), 'row', 'reason']);
      expect(rows.map((cells) => [cells[0], cells[4]])).toEqual([
        [TWIN, '4'],
        ['Касымов Ерлан', '5'],
      ]);
      expect(rows[0]?.[5]).toBe(message('en', 'imports.reason.SKIPPED'));
      expect(rows[1]?.[5]).toBe(en('imports.value.dateUnreadable'));

      // Reloading the import's address shows its report again.
      await page.reload();
      await page.getByRole('heading', { level: 2, name: en('console.imports.status.done') }).waitFor();

      // One imported case, as anyone opens it.
      const found = await api.get<{ items: CaseItem[] }>(`/v1/cases?q=${encodeURIComponent(OTHER)}`, coordinator.token);
      expect(found.items.map((item) => item.fullName)).toEqual([OTHER]);
      await page.goto(`/cases/${found.items[0]?.caseId}`);
      await page.getByRole('heading', { level: 1, name: OTHER }).waitFor();

      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'fits 375 px without a horizontal scroll',
    async () => {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto('/imports');
      await page.getByRole('heading', { level: 1, name: en('console.imports.title') }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      if (dir) await page.screenshot({ path: join(dir, 'import-upload-375.png'), fullPage: true });
    },
    FLOW_MS,
  );
});

/** How far the page is wider than the window (0 or less: no horizontal scroll). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const view = globalThis as unknown as InPage;
    return view.document.documentElement.scrollWidth - view.innerWidth;
  });
}
