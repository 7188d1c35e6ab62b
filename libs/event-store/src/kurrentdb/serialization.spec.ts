import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, computeEventHash, verifyStreamChain } from '../hash-chain';
import { fromRecord, NotACasetrackEventError, toEventData, type KurrentRecord } from './serialization';
import { chainEvents, prepareEvent } from '../prepared-event';

const metadata: EventMetadata = {
  actorId: 'user-1',
  actorRole: 'lawyer',
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: '2024-03-01T10:00:00.000Z',
  occurredAtPrecision: 'minute',
  idempotencyKey: 'request-1',
  schemaVersion: 2,
};

function newEvent(data: NewEvent['data'] = { name: 'Ана Петрова', nested: { z: 1, a: [1.5, null, true] } }): NewEvent {
  return { eventId: randomUUID(), type: 'DetentionReported', data, metadata };
}

/** What KurrentDB hands back for an event the client wrote: JSON text of data and metadata, parsed again. */
function storedAndRead(event: RecordedEvent, position: bigint): KurrentRecord {
  const written = toEventData(event);
  if (written.contentType !== 'application/json') throw new Error('expected a JSON event');
  return {
    id: written.id.toUpperCase(),
    streamId: event.streamId,
    revision: BigInt(event.version - 1),
    type: written.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(written.data)) as unknown,
    metadata: JSON.parse(JSON.stringify(written.metadata)) as unknown,
    position: { commit: position, prepare: position },
  };
}

describe('KurrentDB serialization', () => {
  it('chains hashes exactly as the PostgreSQL adapter does, from genesis and from a head', () => {
    const recordedAt = '2024-03-02T08:00:00.000Z';
    const first = chainEvents('case-1', { version: 0, hash: GENESIS_HASH }, [prepareEvent(newEvent())], recordedAt);
    const next = chainEvents(
      'case-1',
      { version: 1, hash: first[0].metadata.hash },
      [newEvent(), newEvent()].map(prepareEvent),
      recordedAt,
    );
    const stream = [...first, ...next];
    expect(stream.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(stream[0].metadata.prevHash).toBe(GENESIS_HASH);
    for (const event of stream) expect(event.metadata.hash).toBe(computeEventHash(event));
    expect(verifyStreamChain(stream)).toBeNull();
  });

  it('round-trips id, type, data, both times and the chain through KurrentDB JSON, with version = revision + 1', () => {
    const events = chainEvents(
      'case-1',
      { version: 0, hash: GENESIS_HASH },
      [newEvent(), newEvent('a plain string')].map(prepareEvent),
      '2024-03-02T08:00:00.000Z',
    );
    const read = events.map((event, i) => fromRecord(storedAndRead(event, 1_000n + BigInt(i) * 300n)));
    expect(read).toEqual(events.map((event, i) => ({ ...event, position: 1_000 + i * 300 })));
    expect(read[1].version).toBe(2);
    expect(read[0].metadata.occurredAt).toBe(metadata.occurredAt);
    expect(verifyStreamChain(read)).toBeNull();
  });

  it('normalises through JSON before hashing, and drops store-owned metadata a caller passed along', () => {
    const when = new Date('2024-03-01T10:00:00.000Z');
    const forged = {
      ...newEvent({ when } as unknown as NewEvent['data']),
      metadata: { ...metadata, recordedAt: 'x', prevHash: 'y', hash: 'f'.repeat(64) } as EventMetadata,
    };
    const prepared = prepareEvent({ ...forged, eventId: forged.eventId.toUpperCase() });
    expect(prepared.eventId).toBe(forged.eventId.toLowerCase());
    expect(prepared.data).toEqual({ when: '2024-03-01T10:00:00.000Z' });
    expect(prepared.metadata).not.toHaveProperty('hash');
    expect(prepared.metadata).not.toHaveProperty('recordedAt');
  });

  it('refuses malformed new events', () => {
    expect(() => prepareEvent({ ...newEvent(), eventId: 'not-a-uuid' })).toThrow(/UUID/);
    expect(() => prepareEvent({ ...newEvent(), type: '' })).toThrow(/type/);
  });

  it('refuses events that casetrack did not write', () => {
    const [event] = chainEvents(
      'case-1',
      { version: 0, hash: GENESIS_HASH },
      [prepareEvent(newEvent())],
      '2024-03-02T08:00:00.000Z',
    );
    const record = storedAndRead(event, 500n);
    expect(() => fromRecord({ ...record, isJson: false })).toThrow(NotACasetrackEventError);
    expect(() => fromRecord({ ...record, metadata: { actorId: 'x' } })).toThrow(/recordedAt\/prevHash\/hash/);
    expect(() => fromRecord({ ...record, metadata: undefined })).toThrow(NotACasetrackEventError);
    expect(() => fromRecord({ ...record, position: undefined })).toThrow(/22\.6/);
  });
});
