import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COORDINATOR, MESSAGES, renderWithConsole } from '../../../test/render';
import { caseloadUrl } from '../index';
import { PASSPHRASE, testDevice } from '../test-support';
import { setOfflineDeviceForTests } from './device';
import { OfflinePage } from './OfflinePage';

const LAWYER = { ...COORDINATOR, user: { ...COORDINATOR.user, role: 'lawyer' as const } };
const OWN = '6f1c1f0e-1111-4a4a-8a8a-000000000001';
const PINNED = '6f1c1f0e-1111-4a4a-8a8a-000000000002';

afterEach(() => {
  setOfflineDeviceForTests(null);
  vi.restoreAllMocks();
});

describe('the cases kept on this device, listed on the offline page (issue 18)', () => {
  it("links a lawyer's caseload and the pinned cases by name: the way to them when the board cannot load", async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const device = testDevice();
    await device.vault.create(PASSPHRASE, LAWYER.user.id);
    await device.vault.putAnswer(caseloadUrl(LAWYER.user.id), {
      items: [{ caseId: OWN, fullName: 'Arman Zholatov' }],
      total: 1,
      page: 1,
      pageSize: 1,
    });
    await device.vault.pin(OWN);
    await device.vault.pin(PINNED);
    await device.vault.putAnswer(`/v1/cases/${PINNED}`, { caseId: PINNED, fullName: 'Dina Omarova' });
    setOfflineDeviceForTests(device);
    renderWithConsole(
      <MemoryRouter>
        <OfflinePage />
      </MemoryRouter>,
      { session: { session: LAWYER, signedIn: () => undefined, signOut: async () => undefined } },
    );

    const own = await screen.findByRole('link', { name: 'Arman Zholatov' });
    expect(own.getAttribute('href')).toBe(`/cases/${OWN}`);
    expect(screen.getByRole('link', { name: 'Dina Omarova' }).getAttribute('href')).toBe(`/cases/${PINNED}`);
    // A pinned case of the caseload is listed once.
    expect(screen.getAllByRole('link', { name: 'Arman Zholatov' })).toHaveLength(1);
    expect(screen.queryByText(MESSAGES.en['offline.kept.noPins'] ?? '')).toBeNull();
  });
});
