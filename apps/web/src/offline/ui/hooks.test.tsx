import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithConsole } from '../../../test/render';
import { unlockedDevice } from '../test-support';
import { setOfflineDeviceForTests } from './device';
import { useOutbox } from './hooks';

const CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000001';

function Waiting(): ReactNode {
  const { count } = useOutbox();
  return <p>{`waiting: ${count}`}</p>;
}

/** A view of the outbox that comes and goes, like a page the person opens again. */
function Toggled(): ReactNode {
  const [shown, setShown] = useState(true);
  return (
    <>
      <button onClick={() => setShown((now) => !now)}>toggle</button>
      {shown ? <Waiting /> : null}
    </>
  );
}

afterEach(() => setOfflineDeviceForTests(null));

describe('the outbox as the screens read it (issue 18)', () => {
  it('a view opened again after the outbox changed, while no view watched it, shows it as it is now', async () => {
    const device = await unlockedDevice();
    setOfflineDeviceForTests(device);
    renderWithConsole(<Toggled />);
    await screen.findByText('waiting: 0');

    await userEvent.click(screen.getByRole('button', { name: 'toggle' }));
    await device.outbox.add({
      caseRef: CASE,
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: CASE },
      body: { text: 'Visited at the SIZO' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'toggle' }));

    expect(await screen.findByText('waiting: 1')).toBeTruthy();
  });
});
