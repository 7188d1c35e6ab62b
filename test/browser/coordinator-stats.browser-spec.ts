import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { parseCsv } from '../e2e/exports/read-back';
import { eventually } from './support/api-client';
import { auditPage } from './support/audit';
import { newContext } from './support/browser';
import { choose, dialog, field, signIn } from './support/console';
import { en } from './support/messages';
import { type RoleDay, writeRoleDay } from './support/role-day';
import type { RunningService } from './support/service';
import { type BrowserSuite, FLOW_MS, SUITE_START_MS, startSuite } from './support/suite';

async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  const path = await file.path();
  return readFileSync(path);
}

/** The coordinator's statistics, exports and escalation queue in the browser. */
describe('a coordinator’s statistics and escalations (browser)', () => {
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
    const context = await newContext(browser, service.baseUrl, { acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, day.coordinator);
  }, SUITE_START_MS);
  afterAll(async () => {
    await suite?.close();
  });

  it(
    'shows each chart with a table holding the API’s numbers, and exports CSV and XLSX with the filters',
    async () => {
      await page.getByRole('link', { name: en('roles.nav.stats') }).click();
      const byCity = page.getByRole('region', { name: en('roles.stats.chart.city') });
      await byCity.getByRole('table').waitFor();
      const stats = await day.api.get<{ byCity: Array<{ city: string; count: number }> }>(
        '/v1/stats',
        day.coordinator.token,
      );
      const shown = await byCity
        .getByRole('row')
        .evaluateAll((rows) =>
          rows
            .slice(1)
            .map((r) =>
              Array.from((r as unknown as { cells: ArrayLike<{ textContent: string }> }).cells, (c) => c.textContent),
            ),
        );
      expect(shown).toEqual(stats.byCity.map((c) => [c.city, String(c.count)]));
      await page.getByRole('img', { name: en('roles.stats.chart.status') }).waitFor();
      findings.push(...(await auditPage(page, 'statistics')));

      await field(page, en('roles.stats.city')).fill('Almaty');
      await page.getByRole('button', { name: en('roles.stats.apply') }).click();
      await page.waitForURL(/city=Almaty/);
      await byCity.getByRole('row', { name: /Almaty 2/ }).waitFor();

      const csv = await download(page, en('roles.stats.export.casesCsv'));
      expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parseCsv(csv.subarray(3).toString('utf8')).filter((r) => r.some((c) => c !== ''));
      const header = rows[0]!;
      const cityColumn = header.findIndex((h) => /city/i.test(h));
      expect(cityColumn).toBeGreaterThanOrEqual(0);
      expect(rows.slice(1)).toHaveLength(2);
      expect(rows.slice(1).every((r) => r[cityColumn] === 'Almaty')).toBe(true);

      const xlsx = await download(page, en('roles.stats.export.statsXlsx'));
      // Opened by a real spreadsheet reader (ExcelJS), as a coordinator's spreadsheet program would.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
      expect(workbook.worksheets.length).toBeGreaterThan(0);
      const text = workbook.worksheets
        .flatMap((sheet) => sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])))
        .map((cell) => String(cell ?? ''))
        .join('\n');
      expect(text).toContain('Almaty');
      expect(text).not.toContain('Astana');
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );

  it(
    'assigns a lawyer in place from the escalation queue, and the case leaves the queue',
    async () => {
      await page.getByRole('link', { name: en('roles.nav.escalations') }).click();
      const name = 'Dina Omarova';
      await page.getByRole('button', { name: en('roles.escalations.assignFor', { name }) }).waitFor();
      findings.push(...(await auditPage(page, 'escalations')));
      await page.getByRole('button', { name: en('roles.escalations.assignFor', { name }) }).click();
      const assign = dialog(page, en('roles.quickWrite.title', { form: en('console.form.assignLawyer.title'), name }));
      await choose(assign, en('console.field.lawyer'), day.lawyer.name);
      await assign.getByRole('button', { name: en('console.form.assignLawyer.submit') }).click();
      await assign.waitFor({ state: 'detached' });
      await page.getByRole('link', { name }).waitFor({ state: 'detached' });
      const detail = await eventually(
        () =>
          day.api.get<{ lawyers: Array<{ lawyerId: string; role: string }> }>(
            `/v1/cases/${day.noLawyerCase}`,
            day.coordinator.token,
          ),
        (c) => c.lawyers.length > 0,
      );
      expect(detail.lawyers).toEqual([{ lawyerId: day.lawyer.id, role: 'lead' }]);
      await page.getByRole('link', { name: en('roles.nav.accessLog') }).click();
      await page.getByRole('heading', { level: 1, name: en('roles.access.title') }).waitFor();
      await page
        .getByRole('cell', { name: en('roles.access.view.export') })
        .first()
        .waitFor();
      findings.push(...(await auditPage(page, 'access log')));
      expect(findings).toEqual([]);
    },
    FLOW_MS,
  );
});
