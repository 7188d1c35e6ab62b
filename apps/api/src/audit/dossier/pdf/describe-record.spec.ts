import type { AnyDossierRecord, CaseEvent } from '@casetrack/domain';
import { describeRecord } from './describe-record';

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

/** Issue 12: what a witness could not give reads as unknown in the PDF, never as an empty or invented value. */
describe('describeRecord with unknown values', () => {
  it('a detention whose city and place are unknown', () => {
    const text = describeRecord(record({ type: 'DetentionRecorded', data: { authority: 'police' } }));
    expect(text).toEqual({ title: 'Detained in an unknown city by police', lines: [] });
  });

  it('a transfer to a facility known by its code only', () => {
    const text = describeRecord(
      record({ type: 'DetaineeTransferred', data: { facility: { code: 'SI-77', city: 'Shymkent', kind: 'prison' } } }),
    );
    expect(text.title).toBe('Transferred to facility SI-77');
  });

  it('a charge whose article is unknown, and a release whose grounds are', () => {
    expect(describeRecord(record({ type: 'ChargeBrought', data: { chargeId: 'c1', code: 'criminal' } })).title).toBe(
      'Charge brought: criminal art. unknown',
    );
    expect(describeRecord(record({ type: 'Released', data: {} })).title).toBe('Released (grounds unknown)');
  });
});
