import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseDetail, CASE_ID, timelineEvent } from '../../../test/fixtures';
import { COORDINATOR, json, MESSAGES, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { CasePage } from '../../features/case/CasePage';
import { syncOutbox } from '../index';
import { testDevice } from '../test-support';
import { setOfflineDeviceForTests } from './device';

const en = MESSAGES.en;

afterEach(() => {
  setOfflineDeviceForTests(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the case page opened by "Change" on a held entry (issue 18)', () => {
  it('records the fact entered anew and discards the held entry it replaces, in one step', async () => {
    const device = testDevice();
    await device.vault.create('correct horse battery staple', COORDINATOR.user.id);
    const held = await device.outbox.add({
      caseRef: CASE_ID,
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: CASE_ID },
      body: { text: 'Visited at the SIZO' },
      ifMatch: 3,
    });
    await syncOutbox(device.outbox, async () => ({
      kind: 'answer',
      status: 422,
      body: { statusCode: 422, code: 'VALIDATION_FAILED', message: '', details: [] },
    }));
    expect((await device.outbox.list()).map((entry) => entry.state)).toEqual(['held']);
    setOfflineDeviceForTests(device);
    const calls = stubApi([
      ['GET', `/v1/cases/${CASE_ID}`, () => json(200, caseDetail({ version: 5 }))],
      ['GET', `/v1/cases/${CASE_ID}/timeline`, () => json(200, { events: [timelineEvent(5)] })],
      ['GET', '/v1/users', () => json(200, { items: [] })],
      ['POST', `/v1/cases/${CASE_ID}/notes`, () => json(201, { caseId: CASE_ID, version: 6, position: 60 })],
    ]);
    renderWithConsole(
      <MemoryRouter initialEntries={[`/cases/${CASE_ID}?form=note&replaces=${held.id}`]}>
        <Routes>
          <Route path="/cases/:caseId" element={<CasePage />} />
        </Routes>
      </MemoryRouter>,
    );

    const form = within(await screen.findByRole('dialog'));
    await userEvent.type(form.getByRole('textbox', { name: en['console.field.noteText'] }), 'Visited at SIZO No. 2');
    await userEvent.click(form.getByRole('button', { name: en['console.form.note.submit'] }));

    await waitFor(async () => expect(await device.outbox.list()).toEqual([]));
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => call.body)).toEqual([{ text: 'Visited at SIZO No. 2' }]);
    expect(posts[0]?.headers.get('Idempotency-Key')).not.toBe(held.id);
  });
});
