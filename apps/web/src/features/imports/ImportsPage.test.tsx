import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { consoleState } from '../../api/client';
import type { ImportChecked, ImportRowCheck, ImportStatus, ImportUploaded } from './api';
import { ImportsPage } from './ImportsPage';

const IMPORT_ID = '0b3e7a52-5d1f-4c33-9a7e-5f0c2b9d0001';
const EXISTING = '6f1c1f0e-1111-4a4a-8a8a-000000000001';
const ROW_CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000002';

const UPLOADED: ImportUploaded = {
  importId: IMPORT_ID,
  status: 'uploaded',
  rows: 4,
  columns: [
    { name: 'ФИО', sample: ['Жолатов Арман', 'Бекова Сауле'] },
    { name: 'город', sample: ['Алматы'] },
    { name: 'дата задержания', sample: ['05.01.2022'] },
    { name: 'примечание', sample: [] },
  ],
  fields: ['fullName', 'city', 'detainedAt', 'note'],
  suggestedMapping: { ФИО: 'fullName', город: 'city', 'дата задержания': 'detainedAt' },
};

const CHECKED: ImportChecked = {
  status: 'checked',
  rows: [
    { row: 2, fullName: 'Ерлан Сапаров', outcome: 'new', errors: [], possibleDuplicates: [] },
    {
      row: 3,
      fullName: 'Жолатов Арман',
      outcome: 'duplicate',
      errors: [],
      possibleDuplicates: [{ caseId: EXISTING, fullName: 'Arman Zholatov', city: 'Almaty', score: 0.93 }],
    },
    {
      row: 4,
      fullName: 'Ерлан Сапаров',
      outcome: 'duplicate',
      errors: [],
      possibleDuplicates: [{ row: 2, caseId: ROW_CASE, score: 1 }],
    },
    {
      row: 5,
      fullName: null,
      outcome: 'invalid',
      errors: [{ field: 'дата задержания', message: 'The date cannot be read.' }],
      possibleDuplicates: [],
    },
  ],
};

function status(overrides: Partial<ImportStatus>): ImportStatus {
  return {
    importId: IMPORT_ID,
    status: 'committing',
    kind: 'cases',
    rows: 4,
    recorded: 0,
    skipped: 0,
    rejected: 0,
    createdAt: '2026-12-01T03:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

function renderAt(path: string): void {
  renderWithConsole(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/imports/:importId?" element={<ImportsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (input === null) throw new Error('no file input');
  return input;
}

async function upload(): Promise<void> {
  await userEvent.upload(fileInput(), new File(['ФИО;город\n'], 'list.csv', { type: 'text/csv' }));
  await userEvent.click(screen.getByRole('button', { name: 'Upload and read the columns' }));
}

/** The mapping step, once the upload's answer is drawn (a busy machine draws the page slowly). */
async function mappingShown(): Promise<void> {
  await screen.findByRole('button', { name: 'Check every row' }, { timeout: 5000 });
}

beforeEach(() => consoleState.setCsrf({ header: 'X-CSRF-Token', token: 'csrf-token' }));
afterEach(() => {
  consoleState.clear();
  vi.unstubAllGlobals();
});

describe('the import page', () => {
  it('sends the file as multipart with the kind, the zone and the CSRF header, and presets the suggested mapping', async () => {
    const calls = stubApi([['POST', '/v1/imports', () => json(201, UPLOADED)]]);
    renderAt('/imports');
    await userEvent.click(screen.getByRole('radio', { name: 'A court\u2019s hearings' }));
    await userEvent.click(screen.getByRole('radio', { name: 'People' }));
    await upload();
    await mappingShown();

    expect(screen.getByText('4 rows and 4 columns were read.', { exact: false })).toBeTruthy();
    const sent = calls.find((call) => call.method === 'POST');
    expect(sent?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.headers.get('X-CSRF-Token')).toBe('csrf-token');
    const form = String(sent?.body);
    expect(form).toContain('Content-Disposition: form-data; name="file"; filename=');
    expect(form).toContain('name="kind"\r\n\r\ncases\r\n');
    expect(form).toContain('name="timeZone"\r\n\r\nAsia/Almaty\r\n');

    const fieldOf = (column: string): HTMLSelectElement =>
      screen.getByLabelText(`Imported as: column ${column}`) as HTMLSelectElement;
    expect(fieldOf('ФИО').value).toBe('fullName');
    expect(fieldOf('город').value).toBe('city');
    expect(fieldOf('дата задержания').value).toBe('detainedAt');
    expect(fieldOf('примечание').value).toBe('');
    expect(within(fieldOf('ФИО')).getByRole('option', { name: 'Full name' })).toBeTruthy();
    // The fields offered are those the server says this kind of list takes, and "not imported".
    const offered = [...fieldOf('примечание').options].map((option) => option.value);
    expect(offered).toEqual(['', 'fullName', 'city', 'detainedAt', 'note']);
  });

  it('takes a file dropped on the file field', async () => {
    stubApi([]);
    renderAt('/imports');
    const upload = screen.getByRole('button', { name: 'Upload and read the columns' }) as HTMLButtonElement;
    expect(upload.disabled).toBe(true);
    const file = new File(['ФИО\n'], 'dropped.xlsx');
    fireEvent.drop(screen.getByTestId('import-drop'), { dataTransfer: { files: { item: () => file, length: 1 } } });
    await waitFor(() => expect(upload.disabled).toBe(false));
    expect(screen.getByText('dropped.xlsx')).toBeTruthy();
  });

  it("shows the server's reason when it refuses the file", async () => {
    const reason = 'The first row holds data, not column names. Add a row with the column names above the list.';
    stubApi([
      ['POST', '/v1/imports', () => json(400, { statusCode: 400, code: 'IMPORT_EMPTY', message: reason, details: [] })],
    ]);
    renderAt('/imports');
    await upload();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(reason);
    expect(alert.textContent).toContain('The file was not accepted');
  });

  it('will not check a list without its name column', async () => {
    const calls = stubApi([['POST', '/v1/imports', () => json(201, UPLOADED)]]);
    renderAt('/imports');
    await upload();
    await mappingShown();
    await userEvent.selectOptions(screen.getByLabelText('Imported as: column ФИО'), '');
    expect(screen.getByText('Choose the column with the full name', { exact: false })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Check every row' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((call) => call.path.endsWith('/dry-run'))).toHaveLength(0);
  });

  it('sends the mapping as changed and each duplicate’s decision, once, then follows the progress', async () => {
    let polls = 0;
    const calls = stubApi([
      ['POST', '/v1/imports', () => json(201, UPLOADED)],
      ['POST', `/v1/imports/${IMPORT_ID}/dry-run`, () => json(200, CHECKED)],
      ['POST', `/v1/imports/${IMPORT_ID}/commit`, () => json(202, { importId: IMPORT_ID, status: 'committing' })],
      [
        'GET',
        `/v1/imports/${IMPORT_ID}`,
        () => {
          polls += 1;
          return json(
            200,
            polls === 1 ? status({ recorded: 1 }) : status({ status: 'done', recorded: 2, skipped: 1, rejected: 1 }),
          );
        },
      ],
    ]);
    renderAt('/imports');
    await upload();
    await mappingShown();
    await userEvent.selectOptions(screen.getByLabelText('Imported as: column примечание'), 'note');
    await userEvent.click(screen.getByRole('button', { name: 'Check every row' }));

    expect((await screen.findByTestId('import-counts')).textContent).toBe(
      '4 rows: 1 new, 2 possible duplicates, 1 invalid.',
    );
    const dryRun = calls.find((call) => call.path.endsWith('/dry-run'));
    expect(dryRun?.body).toEqual({
      mapping: { ФИО: 'fullName', город: 'city', 'дата задержания': 'detainedAt', примечание: 'note' },
    });
    expect(screen.getByRole('link', { name: 'Arman Zholatov' }).getAttribute('href')).toBe(`/cases/${EXISTING}`);
    expect(screen.getByText('row 2 of this file')).toBeTruthy();
    // Each row says whom it is about; a row that gives no name shows none.
    const named = (row: string) => document.querySelector(`[data-import-row="${row}"] td p`)?.textContent;
    expect([named('3'), named('4')]).toEqual(['Жолатов Арман', 'Ерлан Сапаров']);
    expect(screen.getByText('The date cannot be read.', { exact: false })).toBeTruthy();
    expect(screen.getByText('2 possible duplicates have no choice yet', { exact: false })).toBeTruthy();

    await userEvent.selectOptions(screen.getByLabelText('Row 3: what to do'), `addTo:${EXISTING}`);
    await userEvent.selectOptions(screen.getByLabelText('Row 4: what to do'), 'skip');
    const commit = screen.getByRole('button', { name: 'Record the rows (2 to record)' });
    await userEvent.click(commit);

    await screen.findByText('Import finished', {}, { timeout: 4000 });
    const commits = calls.filter((call) => call.path.endsWith('/commit'));
    expect(commits).toHaveLength(1);
    expect(commits[0]?.body).toEqual({
      mapping: { ФИО: 'fullName', город: 'city', 'дата задержания': 'detainedAt', примечание: 'note' },
      decisions: { 3: { addTo: EXISTING }, 4: 'skip' },
    });
    expect(polls).toBeGreaterThanOrEqual(2);
  });

  it('offers a court list’s row only the cases it may be about, or to skip it', async () => {
    const other = { caseId: ROW_CASE, fullName: 'Arman Zholatov', city: 'Astana', score: 0.9 };
    const calls = stubApi([
      [
        'POST',
        '/v1/imports',
        () =>
          json(201, {
            ...UPLOADED,
            rows: 1,
            columns: [{ name: 'ФИО', sample: ['Жолатов Арман'] }],
            fields: ['fullName', 'caseId', 'court', 'scheduledAt'],
            suggestedMapping: { ФИО: 'fullName' },
          }),
      ],
      [
        'POST',
        `/v1/imports/${IMPORT_ID}/dry-run`,
        () =>
          json(200, {
            status: 'checked',
            rows: [
              {
                row: 2,
                outcome: 'duplicate',
                errors: [],
                possibleDuplicates: [CHECKED.rows[1]?.possibleDuplicates[0], other],
              },
            ],
          }),
      ],
      ['POST', `/v1/imports/${IMPORT_ID}/commit`, () => json(202, { importId: IMPORT_ID, status: 'committing' })],
      ['GET', `/v1/imports/${IMPORT_ID}`, () => json(200, status({ kind: 'hearings', rows: 1 }))],
    ]);
    renderAt('/imports');
    await userEvent.click(screen.getByRole('radio', { name: 'A court’s hearings' }));
    await upload();
    await mappingShown();
    expect(String(calls[0]?.body)).toContain('name="kind"\r\n\r\nhearings\r\n');
    await userEvent.click(screen.getByRole('button', { name: 'Check every row' }));

    const choice = await screen.findByLabelText('Row 2: what to do');
    expect(
      within(choice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      'Choose (without a choice the row is skipped)',
      'Add to the case of Arman Zholatov, Almaty',
      'Add to the case of Arman Zholatov, Astana',
      'Skip this row',
    ]);
    expect(screen.getByText('The hearing may be in the case of:')).toBeTruthy();
    await userEvent.selectOptions(choice, `addTo:${ROW_CASE}`);
    await userEvent.click(screen.getByRole('button', { name: 'Record the rows (1 to record)' }));
    await screen.findByText('Recording the rows…');
    expect(calls.find((call) => call.path.endsWith('/commit'))?.body).toEqual({
      mapping: { ФИО: 'fullName' },
      decisions: { 2: { addTo: ROW_CASE } },
    });
  });

  it('shows a committing import’s progress when opened by its address, and its report and rejected rows at the end', async () => {
    const answers = [
      status({ recorded: 1, skipped: 1 }),
      status({ status: 'done', recorded: 2, skipped: 1, rejected: 1 }),
    ];
    stubApi([['GET', `/v1/imports/${IMPORT_ID}`, () => json(200, answers.length > 1 ? answers.shift() : answers[0])]]);
    renderAt(`/imports/${IMPORT_ID}`);

    expect((await screen.findByRole('status')).textContent).toBe('2 of 4 rows done');
    expect(screen.getByText('Recording the rows…')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');

    await screen.findByText('Import finished', {}, { timeout: 4000 });
    expect(screen.getByRole('status').textContent).toBe('4 of 4 rows done');
    expect(screen.getByText('2 rows were recorded', { exact: false }).textContent).toContain(
      '2 rows were not: the file lists them with the reasons.',
    );
    const download = screen.getByRole('link', { name: 'Download the rows not recorded (CSV)' });
    expect(download.getAttribute('href')).toBe(`/v1/imports/${IMPORT_ID}/rejected?format=csv&lang=en`);
  });

  it('draws a long check a page of rows at a time, filtered by outcome', async () => {
    const rows: ImportRowCheck[] = Array.from({ length: 120 }, (_, i) => ({
      row: i + 2,
      fullName: `Person ${i + 2}`,
      outcome: i % 10 === 9 ? 'invalid' : 'new',
      errors: i % 10 === 9 ? [{ field: 'ФИО', message: 'This value is required.' }] : [],
      possibleDuplicates: [],
    }));
    stubApi([
      ['POST', '/v1/imports', () => json(201, { ...UPLOADED, rows: 120 })],
      ['POST', `/v1/imports/${IMPORT_ID}/dry-run`, () => json(200, { status: 'checked', rows })],
    ]);
    renderAt('/imports');
    await upload();
    await mappingShown();
    await userEvent.click(screen.getByRole('button', { name: 'Check every row' }));
    await screen.findByTestId('import-counts');

    const drawn = (): string[] =>
      [...document.querySelectorAll('[data-import-row]')].map((row) => row.getAttribute('data-import-row') ?? '');
    expect(drawn()).toHaveLength(50);
    expect(drawn()[0]).toBe('2');
    await userEvent.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(drawn()).toEqual(rows.slice(100).map((row) => String(row.row)));

    await userEvent.click(screen.getByRole('radio', { name: 'Invalid (12)' }));
    await waitFor(() => expect(drawn()).toHaveLength(12));
    expect(drawn()[0]).toBe('11');
  });
});
