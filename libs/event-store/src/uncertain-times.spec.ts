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

  /** The case after a detention that happened on `day` and was recorded later, once the unknown release is known. */
  const withDetentionOn = (day: number) =>
    foldFacts(
      [
        opened,
        detained,
        released,
        row(4, 'DetentionRecorded', { authority: 'police' }, { occurredAt: on(day), recordedAt: on(day + 1) }),
      ].map(toCaseFact),
    );

  it('is folded at its bound: after a detention on day 4 that was recorded later, the person is free', () => {
    const state = withDetentionOn(4);

    expect(state.status).toBe('released');
    expect(state.releasedAt).toBe(on(5));
  });

  it('is folded at its bound: before a detention on day 7, the person is held', () => {
    expect(withDetentionOn(7).status).toBe('in_police_custody');
  });
});
