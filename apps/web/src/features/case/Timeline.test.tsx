import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { timelineEvent } from '../../../test/fixtures';
import { renderWithConsole } from '../../../test/render';
import type { TimelineEvent } from '../../api/types';
import { Timeline } from './Timeline';

const LAWYER = '00000000-0000-4000-8000-0000000000aa';

describe('the timeline', () => {
  it('shows when each fact happened with its precision, when it was recorded and by whom; retractions marked', async () => {
    const events = [
      timelineEvent(1, { type: 'CaseOpened' }),
      timelineEvent(2, {
        type: 'DetentionRecorded',
        occurredAt: '2022-01-07T18:00:00.000Z',
        occurredAtPrecision: 'day',
        occurredOn: '2022-01-08',
        retracted: true,
      }),
      timelineEvent(3, {
        type: 'DetaineeTransferred',
        occurredAt: '2022-02-21T09:00:00.000Z',
        occurredAtPrecision: 'unknown',
        recordedAt: '2022-02-21T09:00:00.000Z',
      }),
    ];
    const retracting: TimelineEvent[] = [];
    renderWithConsole(
      <Timeline events={events} people={new Map([[LAWYER, 'D. Seitkali']])} onRetract={(e) => retracting.push(e)} />,
    );

    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Transfer',
      'Detention',
      'Case opened',
    ]);
    expect(within(items[0]!).getByText('date unknown, recorded 21 February 2022')).toBeTruthy();
    expect(within(items[1]!).getByText('8 January 2022')).toBeTruthy();
    expect(within(items[1]!).getByText('retracted')).toBeTruthy();
    expect(within(items[2]!).getByText(/by D\. Seitkali \(lawyer\)$/)).toBeTruthy();

    // A retracted fact and the opening cannot be retracted; the others can, by a named button.
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Retract this fact: Transfer',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Retract this fact: Transfer' }));
    expect(retracting.map((e) => e.version)).toEqual([3]);
  });

  it('offers no retraction to a reader', () => {
    renderWithConsole(<Timeline events={[timelineEvent(2)]} people={new Map()} />);
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
