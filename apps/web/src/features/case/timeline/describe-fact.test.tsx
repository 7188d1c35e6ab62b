import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { timelineEvent } from '../../../../test/fixtures';
import { renderWithConsole } from '../../../../test/render';
import type { Locale } from '@i18n-shared/locales';
import type { TimelineEvent } from '../../../api/types';
import { Timeline } from '../Timeline';
import { CLAMP_CHARACTERS } from './FactDetails';
import { FACTS, IDS } from './fact-fixtures';

const PEOPLE = new Map([[IDS.lawyer, 'D. Seitkali']]);
const TYPES = Object.keys(FACTS) as Array<TimelineEvent['type']>;
/** A catalogue key shown as is: an area, a dot and a word (`console.fact.lawyer`, `vocabulary.measure.bail`). */
const RAW_KEY = /\b(console|dossier|vocabulary)\.[a-zA-Z]/;

/** Every type's fixture as one case's timeline, in the order of the table (the charge before its requalification). */
function everyFact(): TimelineEvent[] {
  return TYPES.map((type, index) =>
    timelineEvent(index + 1, {
      type,
      eventId:
        type === 'DetentionRecorded' ? IDS.detention : `e0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      data: FACTS[type].data,
    }),
  );
}

function renderTimeline(events: TimelineEvent[], locale: Locale = 'en') {
  return renderWithConsole(
    <MemoryRouter>
      <Timeline events={events} people={PEOPLE} />
    </MemoryRouter>,
    { locale },
  );
}

/** The list item whose heading is `name` (newest first, so found by name rather than by place). */
function itemOf(name: string): HTMLElement {
  const item = screen.getByRole('heading', { name }).closest('li');
  if (item === null) throw new Error(`no item for ${name}`);
  return item;
}

describe('the timeline says what happened', () => {
  const events = everyFact();

  it.each(TYPES)('%s: its details in words', (type) => {
    renderTimeline(events);
    const text = itemAt(events, type).textContent ?? '';
    for (const shown of FACTS[type].shows) expect(text).toContain(shown);
    expect(text).not.toMatch(RAW_KEY);
  });

  it.each(['en', 'ru', 'kk'] as const)('no catalogue key is shown raw in %s', (locale) => {
    const { container } = renderTimeline(events, locale);
    expect(container.textContent ?? '').not.toMatch(RAW_KEY);
    // Vocabulary values are translated: none of the API's snake_case values shows through.
    expect(container.textContent ?? '').not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });

  it('shows the Russian words for a transfer and a charge', () => {
    renderTimeline(events, 'ru');
    const text = document.body.textContent ?? '';
    expect(text).toContain('IVS No. 1 (код 12)');
    expect(text).toContain('уголовное');
  });

  it('shows the erased and withheld markers, never more than the answer gives', () => {
    renderTimeline([
      timelineEvent(1, {
        type: 'TortureAllegationRecorded',
        data: {
          periodFrom: '2022-01-06T10:00:00.000Z',
          methods: [],
          facility: '[withheld]',
          perpetrators: '[withheld]',
          evidence: [],
          consent: 'internal_only',
        },
      }),
      timelineEvent(2, { type: 'NoteAdded', data: { text: '[erased]' } }),
    ]);
    const allegation = itemOf('Allegation of torture').textContent ?? '';
    expect(allegation).toContain('Methods: not described');
    expect(allegation).toContain('Facility: [withheld]');
    expect(allegation).toContain('Perpetrators (as described): [withheld]');
    expect(allegation).toContain('Consent: internal use only');
    expect(allegation).not.toContain('Injuries');
    expect(itemOf('Note added').textContent).toContain('Note: [erased]');
  });

  it('clamps a long text behind "show more"', async () => {
    const long = `${'He was beaten in the corridor. '.repeat(20)}END`;
    renderTimeline([timelineEvent(1, { type: 'NoteAdded', data: { text: long } })]);
    const item = itemOf('Note added');
    expect(item.textContent).not.toContain('END');
    expect(item.textContent?.length).toBeLessThan(long.length);
    const more = within(item).getByRole('button', { name: 'Show more' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(more);
    expect(item.textContent).toContain('END');
    expect(within(item).getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    expect(long.length).toBeGreaterThan(CLAMP_CHARACTERS);
  });

  it('names a decision recorded on the court day in the reader’s language, and keeps a typed outcome as typed', () => {
    const held = (outcome: string, version: number) =>
      timelineEvent(version, {
        type: 'HearingHeld',
        eventId: `e0000000-0000-4000-8000-00000000010${version}`,
        data: { hearingId: IDS.hearing, outcome, durationMinutes: 3 },
      });
    renderTimeline([held('detention_ordered', 1), held('administrative_arrest', 2)], 'ru');
    const text = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(text.join(' ')).toContain('заключение под стражу');
    expect(text.join(' ')).toContain('административный арест');
    expect(text.join(' ')).not.toMatch(/detention_ordered|administrative_arrest/);
  });

  it('says a hearing known to the day only by its date, scheduled and moved, never an hour', () => {
    // Midnight in Almaty (the reader's zone here) of 10 and of 12 January.
    renderTimeline([
      timelineEvent(1, {
        type: 'HearingScheduled',
        eventId: 'e0000000-0000-4000-8000-000000000201',
        data: { ...FACTS.HearingScheduled.data, scheduledAt: '2022-01-09T18:00:00.000Z', scheduledAtPrecision: 'day' },
      }),
      timelineEvent(2, {
        type: 'HearingRescheduled',
        eventId: 'e0000000-0000-4000-8000-000000000202',
        data: { hearingId: IDS.hearing, scheduledAt: '2022-01-11T18:00:00.000Z', scheduledAtPrecision: 'day' },
      }),
    ]);
    const [moved, scheduled] = screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(scheduled).toContain('Scheduled for: 10 January 2022');
    expect(moved).toContain('Moved to: 12 January 2022');
    // The item's own header says when the fact was recorded as happening (8 January, with its hour): not the hearing.
    expect(scheduled).not.toMatch(/10 January 2022, \d{2}:\d{2}/);
    expect(moved).not.toMatch(/12 January 2022, \d{2}:\d{2}/);
  });

  it('falls back to the name of a type it does not know, without details and without crashing', () => {
    renderTimeline([
      timelineEvent(1, { type: 'SomethingNew' as TimelineEvent['type'], data: { secret: 'x' } }),
      timelineEvent(2, { type: 'NoteAdded', data: { text: 'fine' } }),
    ]);
    const item = itemOf('SomethingNew');
    expect(item.textContent).not.toContain('secret');
    expect(itemOf('Note added').textContent).toContain('Note: fine');
  });

  it('links a merged or linked case to its page', () => {
    renderTimeline([timelineEvent(1, { type: 'CaseLinked', data: FACTS.CaseLinked.data })]);
    expect(screen.getByRole('link', { name: 'open that case' }).getAttribute('href')).toBe(`/cases/${IDS.other}`);
  });
});

/** The item of `type` by its place: the list is newest first. */
function itemAt(events: readonly TimelineEvent[], type: TimelineEvent['type']): HTMLElement {
  const index = events.findIndex((event) => event.type === type);
  const items = screen.getAllByRole('listitem');
  const item = items[events.length - 1 - index];
  if (item === undefined) throw new Error(`no item for ${type}`);
  return item;
}
