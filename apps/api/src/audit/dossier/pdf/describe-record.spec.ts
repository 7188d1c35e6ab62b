import type { AnyDossierRecord, CaseEvent } from '@casetrack/domain';
import { describeRecord } from './describe-record';
import { DossierText } from './pdf-format';

function record(event: CaseEvent): AnyDossierRecord {
  return {
    eventId: '00000000-0000-4000-8000-000000000001',
    version: 2,
    type: event.type,
    occurredAt: '2022-01-06T10:00:00.000Z',
    occurredAtPrecision: 'exact',
    recordedAt: '2022-01-06T11:00:00.000Z',
    recordedBy: { id: 'u1', role: 'lawyer' },
    data: event.data,
  } as AnyDossierRecord;
}

const en = new DossierText({ locale: 'en', timeZone: 'Asia/Almaty', people: new Map() });
const ru = new DossierText({ locale: 'ru', timeZone: 'Asia/Almaty', people: new Map() });

/** Issue 12: what a witness could not give reads as unknown in the PDF, never as an empty or invented value. */
describe('describeRecord with unknown values', () => {
  it('a detention whose city and place are unknown', () => {
    const text = describeRecord(record({ type: 'DetentionRecorded', data: { authority: 'police' } }), en);
    expect(text).toEqual({ title: 'Detained, city unknown; detained by: police', lines: [] });
  });

  it('a transfer to a facility known by its code only', () => {
    const text = describeRecord(
      record({ type: 'DetaineeTransferred', data: { facility: { code: 'SI-77', city: 'Shymkent', kind: 'prison' } } }),
      ru,
    );
    expect(text.title).toBe('Переведён в учреждение SI-77');
  });

  it('a charge whose article is unknown, and a release whose grounds are', () => {
    const charge = record({ type: 'ChargeBrought', data: { chargeId: 'c1', code: 'criminal' } });
    expect(describeRecord(charge, en).title).toBe('Charge brought: criminal, art. unknown');
    expect(describeRecord(record({ type: 'Released', data: {} }), ru).title).toBe('Освобождён (основание неизвестно)');
  });
});

describe('describeRecord with dates people typed', () => {
  it('prints a measure’s end and a hearing’s time in the reader’s zone', () => {
    const measure = record({
      type: 'PreventiveMeasureImposed',
      data: { measure: 'pretrial_detention', until: '2022-03-05T20:00:00.000Z' },
    });
    expect(describeRecord(measure, ru)).toEqual({
      title: 'Мера пресечения: содержание под стражей',
      lines: ['До: 6 марта 2022 г.'],
    });
    const hearing = record({
      type: 'HearingScheduled',
      data: { hearingId: 'h1', kind: 'trial', court: 'Medeu district court', scheduledAt: '2022-01-10T04:00:00.000Z' },
    });
    expect(describeRecord(hearing, en).title).toBe('Scheduled for 10 January 2022, 10:00 (Asia/Almaty)');
  });

  it('prints a hearing known to the day only as its date in the reader’s zone, never an hour', () => {
    // 10 January in Almaty, stored as that day's midnight there (9 January 19:00 UTC).
    const scheduled = record({
      type: 'HearingScheduled',
      data: {
        hearingId: 'h1',
        kind: 'trial',
        court: 'Medeu district court',
        scheduledAt: '2022-01-09T19:00:00.000Z',
        scheduledAtPrecision: 'day',
      },
    });
    expect(describeRecord(scheduled, en).title).toBe('Scheduled for 10 January 2022');
    const moved = record({
      type: 'HearingRescheduled',
      data: { hearingId: 'h1', scheduledAt: '2022-01-11T19:00:00.000Z', scheduledAtPrecision: 'day', reason: 'ill' },
    });
    expect(describeRecord(moved, ru).title).not.toMatch(/\d{2}:\d{2}/);
    expect(describeRecord(moved, ru).title).toContain('12 января 2022 г.');
    // Moved to an hour again: the hour is printed.
    const timed = record({
      type: 'HearingRescheduled',
      data: { hearingId: 'h1', scheduledAt: '2022-01-12T04:00:00.000Z', reason: 'listed' },
    });
    expect(describeRecord(timed, en).title).toContain('12 January 2022, 10:00 (Asia/Almaty)');
  });
});

/** Issue 17: a decision recorded on the court day names the hearing's outcome by its word. */
describe('describeRecord of a hearing decided on the court day', () => {
  it('prints the decision in the reader’s language, and a typed outcome as typed', () => {
    const held = (outcome: string) => record({ type: 'HearingHeld', data: { hearingId: 'h1', outcome } });
    expect(describeRecord(held('detention_ordered'), ru).title).toContain('заключение под стражу');
    expect(describeRecord(held('administrative_arrest'), en).title).toContain('administrative arrest');
    expect(describeRecord(held('returned_to_prosecutor as typed'), en).title).toContain(
      'returned_to_prosecutor as typed',
    );
  });
});
