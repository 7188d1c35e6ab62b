import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COORDINATOR, MESSAGES, renderWithConsole } from '../../../test/render';
import { testDevice } from '../test-support';
import { setOfflineDeviceForTests } from './device';
import { OfflinePage } from './OfflinePage';

const en = MESSAGES.en;
const CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000001';
const NAME = 'Kairat Offlinebekov';
const PASSPHRASE = 'correct horse battery staple';
const DAY_MS = 86_400_000;

afterEach(() => {
  setOfflineDeviceForTests(null);
  vi.restoreAllMocks();
});

describe('the maximum offline age, set on the offline page (issue 18)', () => {
  it('drops a kept case not refreshed for longer at the next unlock, and keeps the facts waiting to be sent', async () => {
    // Offline all along: the page starts no refresh that would renew the cache.
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const device = testDevice();
    await device.vault.create(PASSPHRASE, COORDINATOR.user.id);
    await device.vault.pin(CASE);
    await device.vault.putAnswer(`/v1/cases/${CASE}`, { caseId: CASE, fullName: NAME });
    await device.vault.markRefreshed(device.clock.now.toISOString());
    await device.outbox.add({
      caseRef: CASE,
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: CASE },
      body: { text: 'Visited at the SIZO' },
    });
    setOfflineDeviceForTests(device);
    renderWithConsole(
      <MemoryRouter>
        <OfflinePage />
      </MemoryRouter>,
    );

    // The kept case is named from the vault's copy; the age set to 2 days.
    await screen.findByRole('link', { name: NAME });
    const maxAge = screen.getByRole('textbox', { name: en['offline.settings.maxAge'] });
    await userEvent.clear(maxAge);
    await userEvent.type(maxAge, '2');
    await userEvent.click(screen.getByRole('button', { name: en['offline.settings.save'] }));
    await waitFor(async () => expect(await device.vault.settings()).toEqual({ maxOfflineAgeDays: 2 }));

    // Three days later, unlocked again on this page: the copy is gone, the queued fact is not.
    await userEvent.click(screen.getByRole('button', { name: en['offline.lock'] }));
    device.clock.now = new Date(device.clock.now.getTime() + 3 * DAY_MS);
    await userEvent.type(await screen.findByLabelText(en['offline.passphrase.label'] ?? ''), PASSPHRASE);
    await userEvent.click(screen.getByRole('button', { name: en['offline.unlock.submit'] }));
    await screen.findByRole('link', { name: en['offline.kept.unnamed'] });
    expect(screen.queryByRole('link', { name: NAME })).toBeNull();
    expect(await device.vault.getAnswer(`/v1/cases/${CASE}`)).toBeNull();
    expect(screen.getAllByTestId('outbox-entry')).toHaveLength(1);
    expect((await device.outbox.list()).map((entry) => entry.body)).toEqual([{ text: 'Visited at the SIZO' }]);
  });
});
