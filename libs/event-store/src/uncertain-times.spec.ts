import { foldFacts } from '@casetrack/domain';
import { toCaseFact } from './case-streams';
import type { RecordedEvent, StoredMetadata } from './event-store.port';

/** A stored row; `occurredAt` is left out for a time that is not known. */
function row(
  version: number,
  type: string,
  data: Record<string, unknown>,
  times: Partial<Pick<StoredMetadata, 'occurredAt' | 'occurredAtPrecision'>> & { recordedAt: string },
): RecordedEvent {
  return {
    eventId: `e${version}`,
    streamId: 'case-1',
    version,
    position: version,
    type,
    data: data as RecordedEvent['data'],
    metadata: {
      actorId: 'lawyer-1',
      actorRole: 'lawyer',
      correlationId: 'c',
      causationId: null,
      occurredAtPrecision: 'exact',
      schemaVersion: 1,
      prevHash: '',
      hash: '',
      ...times,
    },
  };
}

const on = (day: number): string => new Date(Date.UTC(2022, 0, day, 10)).toISOString();

describe('a fact whose time is unknown', () => {
  const opened = row(
    1,
    'CaseOpened',
    { detainee: { fullName: 'A', nameVariants: [], sex: 'male', vulnerabilities: [] }, source: { kind: 'relative' } },
    { occurredAt: on(1), recordedAt: on(1) },
  );
  const detained = row(2, 'DetentionRecorded', { authority: 'police' }, { occurredAt: on(2), recordedAt: on(2) });
  // The family learnt of a release, not when it was: stored without occurredAt, it happened no later than day 5.
  const released = row(3, 'Released', { grounds: 'other' }, { occurredAtPrecision: 'unknown', recordedAt: on(5) });

  it('reads as its bound, recordedAt, and says the time is unknown', () => {
    expect(toCaseFact(released).meta).toMatchObject({ occurredAt: on(5), occurredAtPrecision: 'unknown' });
    expect(toCaseFact(released).meta).not.toHaveProperty('occurredOn');
  });

  it('is folded at its bound: after a detention on day 4 that was recorded later, the person is free', () => {
    const detainedAgain = row(
      4,
      'DetentionRecorded',
      { authority: 'police' },
      { occurredAt: on(4), recordedAt: on(6) },
    );

    const state = foldFacts([opened, detained, released, detainedAgain].map(toCaseFact));

    expect(state.status).toBe('released');
    expect(state.releasedAt).toBe(on(5));
  });

  it('is folded at its bound: before a detention on day 7, the person is held', () => {
    const detainedLater = row(
      4,
      'DetentionRecorded',
      { authority: 'police' },
      { occurredAt: on(7), recordedAt: on(8) },
    );

    const state = foldFacts([opened, detained, released, detainedLater].map(toCaseFact));

    expect(state.status).toBe('in_police_custody');
  });
});
