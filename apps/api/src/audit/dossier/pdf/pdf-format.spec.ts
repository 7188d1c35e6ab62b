import type { DossierRecord, OccurredAtPrecision } from '@casetrack/domain';
import { DossierText } from './pdf-format';

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

const people = new Map([['u-1', { id: 'u-1', name: 'Айгерим Сейткали', role: 'coordinator' }]]);
const en = new DossierText({ locale: 'en', timeZone: 'Asia/Almaty', people });
const ru = new DossierText({ locale: 'ru', timeZone: 'UTC', people });
const kk = new DossierText({ locale: 'kk', timeZone: 'Asia/Almaty', people });

describe('when a fact happened, as the PDF prints it', () => {
  it('prints the writer’s day without an hour in every language, whatever the zone', () => {
    expect(en.happened(record('day', '2022-01-08'))).toBe('8 January 2022');
    expect(ru.happened(record('day', '2022-01-08'))).toBe('8 января 2022 г.');
    expect(kk.happened(record('day', '2022-01-08'))).toBe('2022 жылғы 8 қаңтар');
  });

  it('prints only the month or the year when that is all that is known', () => {
    expect(ru.happened(record('month', '2022-01'))).toBe('январь 2022 г.');
    expect(en.happened(record('year', '2022'))).toBe('2022');
  });

  it('prints a day stored before the writer’s date was kept by its date in the reader’s zone, without an hour', () => {
    expect(en.happened(record('day'))).toBe('8 January 2022');
    expect(ru.happened(record('day'))).toBe('7 января 2022 г.');
  });

  it('prints an unknown time as a bound and an approximate one as such, in the reader’s zone', () => {
    expect(en.happened(record('unknown'))).toBe('no later than 8 January 2022, 00:30 (Asia/Almaty)');
    expect(ru.happened(record('approximate'))).toBe('приблизительно 7 января 2022 г., 18:30 (UTC)');
    expect(kk.happened(record('exact'))).toBe('2022 жылғы 8 қаңтар, 00:30 (Asia/Almaty)');
  });
});

describe('people in the PDF', () => {
  it('names an account by name and role, and an unknown one by role and short id', () => {
    expect(ru.person('u-1')).toBe('Айгерим Сейткали, координатор');
    expect(kk.person('75c4b9a7-0000-4000-8000-000000000000', 'lawyer')).toBe(
      'адвокат 75c4b9a7 (есептік жазба табылмады)',
    );
    expect(en.person('system', 'system')).toBe('casetrack (system)');
  });

  it('says withheld and erased text in the reader’s language', () => {
    expect(ru.fields([['details', '[withheld]']])).toEqual(['Подробности: [скрыто]']);
    expect(
      kk.fields([
        ['note', '[erased]'],
        ['reason', undefined],
      ]),
    ).toEqual(['Ескертпе: [жойылған]']);
  });
});
