import type { DossierRecord, OccurredAtPrecision } from '@casetrack/domain';
import { calendar, happened } from './pdf-format';

/** 2022-01-08 00:30 at +06:00: still 7 January in UTC. */
const record = (occurredAtPrecision: OccurredAtPrecision, occurredOn?: string): DossierRecord => ({
  eventId: 'e1',
  version: 1,
  type: 'NoteAdded',
  occurredAt: '2022-01-07T18:30:00.000Z',
  occurredAtPrecision,
  ...(occurredOn !== undefined ? { occurredOn } : {}),
  recordedAt: '2022-01-09T08:00:00.000Z',
  recordedBy: { id: 'lawyer-1', role: 'lawyer' },
  data: { text: 'x' },
});

describe('when a fact happened, as the PDF prints it', () => {
  it('prints the writer’s day without an hour, not the UTC day', () => {
    expect(happened(record('day', '2022-01-08'))).toBe('8 January 2022');
  });

  it('prints only the month or the year when that is all that is known', () => {
    expect(happened(record('month', '2022-01'))).toBe('January 2022');
    expect(happened(record('year', '2022'))).toBe('2022');
  });

  it('prints a day stored before the writer’s date was kept in UTC, still without an hour', () => {
    expect(happened(record('day'))).toBe('7 January 2022');
  });

  it('prints an unknown time as unknown, with its bound', () => {
    expect(happened(record('unknown'))).toBe('not known, no later than 2022-01-07 18:30 UTC');
  });

  it('prints an exact time in UTC', () => {
    expect(happened(record('exact'))).toBe('2022-01-07 18:30 UTC');
  });

  it('names a calendar period by its known parts', () => {
    expect(calendar('2021-12-31')).toBe('31 December 2021');
    expect(calendar('2021-12')).toBe('December 2021');
    expect(calendar('2021')).toBe('2021');
  });
});
