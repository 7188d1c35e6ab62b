import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COORDINATOR, json, MESSAGES, renderWithConsole } from '../../../test/render';
import { stubApi } from '../../../test/stub-api';
import { testDevice } from '../../offline/test-support';
import { setOfflineDeviceForTests } from '../../offline/ui/device';
import { IntakePage } from './IntakePage';

const en = MESSAGES.en;
const OPENED = '11111111-1111-4111-8111-111111111111';
const EARLIER = '22222222-2222-4222-8222-222222222222';

afterEach(() => {
  setOfflineDeviceForTests(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('intake: a merge kept on the device (issue 18)', () => {
  it('says it is kept, not merged, and opens the new case, where it waits', async () => {
    const device = testDevice();
    await device.vault.create('correct horse battery staple', COORDINATOR.user.id);
    setOfflineDeviceForTests(device);
    const shown = vi.spyOn(notifications, 'show');
    stubApi([
      ['GET', '/v1/cases', () => json(200, { items: [], total: 0, page: 1, pageSize: 5 })],
      [
        'POST',
        '/v1/cases',
        () =>
          json(201, {
            caseId: OPENED,
            version: 1,
            position: 10,
            possibleDuplicates: [{ caseId: EARLIER, fullName: 'Арман Жолатов', city: 'Almaty', score: 0.9 }],
          }),
      ],
    ]);
    renderWithConsole(
      <MemoryRouter initialEntries={['/intake']}>
        <Routes>
          <Route path="/intake" element={<IntakePage />} />
          <Route path="/cases/:caseId" element={<p>case page</p>} />
        </Routes>
      </MemoryRouter>,
    );

    await userEvent.type(screen.getByRole('textbox', { name: en['console.intake.field.fullName'] }), 'Arman Zholatov');
    await userEvent.type(screen.getByRole('textbox', { name: en['console.intake.field.city'] }), 'Almaty');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: new RegExp(en['console.intake.field.sourceKind']) }),
      'relative',
    );
    await userEvent.click(screen.getByRole('button', { name: en['console.intake.submit'] }));
    await userEvent.click(await screen.findByRole('button', { name: en['console.intake.mergeInto'] }));
    const merge = within(await screen.findByRole('dialog'));
    await userEvent.type(merge.getByRole('textbox', { name: new RegExp(en['console.merge.reason']) }), 'Same person');
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await userEvent.click(merge.getByRole('button', { name: en['console.merge.submit'] }));

    expect(await screen.findByText('case page')).toBeTruthy();
    const messages = shown.mock.calls.map(([notification]) => notification.message);
    expect(messages).toContain(en['offline.keptOnDevice']);
    expect(messages).not.toContain(en['console.merge.done']);
    await waitFor(async () =>
      expect((await device.outbox.list()).map((entry) => [entry.path, entry.pathParams.caseId])).toEqual([
        ['/v1/cases/{caseId}/merge', OPENED],
      ]),
    );
  });
});
