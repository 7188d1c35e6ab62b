import { type CaseEvent, CASE_EVENT_SCHEMA_VERSIONS } from '@casetrack/domain';
import { caseTimeline } from './case-timeline';
import type { RecordedEvent } from './event-store.port';

function recorded(version: number, event: CaseEvent): RecordedEvent {
  return {
    eventId: `e${version}`,
    streamId: 'case-1',
    version,
    position: 100 + version,
    type: event.type,
    data: event.data as never,
    metadata: {
      actorId: `user-${version}`,
      actorRole: version === 3 ? 'coordinator' : 'lawyer',
      correlationId: 'c',
      causationId: null,
      occurredAt: `2022-01-0${version}T00:00:00.000Z`,
      occurredAtPrecision: 'day',
      schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[event.type],
      recordedAt: `2022-01-1${version}T00:00:00.000Z`,
      prevHash: '0'.repeat(64),
      hash: String(version).repeat(64),
    },
  };
}

describe('caseTimeline', () => {
  const events = [
    recorded(1, { type: 'NoteAdded', data: { text: 'first' } }),
    recorded(2, { type: 'AccessDenied', data: { who: 'lawyer' } }),
    recorded(3, { type: 'FactRetracted', data: { eventId: 'e2', reason: 'wrong case' } }),
  ];

  it('keeps every event in stream order with its actor, both times and position', () => {
    const timeline = caseTimeline(events);
    expect(timeline.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(timeline[0]).toEqual({
      eventId: 'e1',
      version: 1,
      position: 101,
      type: 'NoteAdded',
      occurredAt: '2022-01-01T00:00:00.000Z',
      occurredAtPrecision: 'day',
      recordedAt: '2022-01-11T00:00:00.000Z',
      actor: { id: 'user-1', role: 'lawyer' },
      data: { text: 'first' },
      retracted: false,
      hash: '1'.repeat(64),
    });
  });

  it('marks a retracted event and names its retraction; the retraction itself stands', () => {
    const timeline = caseTimeline(events);
    expect(timeline[1]).toMatchObject({ retracted: true, retractedBy: 'e3' });
    expect(timeline[2]).toMatchObject({ retracted: false, actor: { role: 'coordinator' } });
    expect(timeline[2]).not.toHaveProperty('retractedBy');
  });
});
