import { GENESIS_HASH, canonicalJson, computeEventHash, verifyStreamChain } from './hash-chain';
import type { RecordedEvent, StoredMetadata } from './event-store.port';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('hash chain', () => {
  const metadata = (prevHash: string): Omit<StoredMetadata, 'hash'> => ({
    actorId: 'u',
    actorRole: 'lawyer',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2024-01-01T00:00:00.000Z',
    occurredAtPrecision: 'day',
    schemaVersion: 1,
    recordedAt: '2024-01-01T00:00:01.000Z',
    prevHash,
  });

  function chain(count: number): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    let prevHash = GENESIS_HASH;
    for (let version = 1; version <= count; version += 1) {
      const unhashed = {
        eventId: `00000000-0000-4000-8000-00000000000${version}`,
        streamId: 's',
        version,
        type: 'T',
        data: { version },
        metadata: metadata(prevHash),
      };
      const hash = computeEventHash(unhashed);
      events.push({ ...unhashed, position: version, metadata: { ...unhashed.metadata, hash } });
      prevHash = hash;
    }
    return events;
  }

  it('does not depend on key order or on the hash field itself', () => {
    const [event] = chain(1);
    const reverseKeys = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
    const reordered = { ...reverseKeys(event), metadata: reverseKeys(event.metadata) };
    expect(computeEventHash(reordered)).toBe(event.metadata.hash);
    expect(event.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain and pinpoints a changed event', () => {
    const events = chain(3);
    expect(verifyStreamChain(events)).toBeNull();
    const tampered = events.map((e) => (e.version === 2 ? { ...e, data: { version: 99 } } : e));
    expect(verifyStreamChain(tampered)).toEqual({ version: 2, eventId: events[1].eventId, reason: 'hash_mismatch' });
    expect(verifyStreamChain([events[0], events[2]])).toMatchObject({ version: 3, reason: 'version_gap' });
  });

  it('covers where an imported fact came from: a changed or removed importedFrom breaks the chain', () => {
    const [event] = chain(1);
    const unhashed = { ...event, metadata: { ...metadata(GENESIS_HASH), importedFrom: { importId: 'i', row: 7 } } };
    const imported = { ...unhashed, metadata: { ...unhashed.metadata, hash: computeEventHash(unhashed) } };
    expect(verifyStreamChain([imported])).toBeNull();
    const moved = { ...imported, metadata: { ...imported.metadata, importedFrom: { importId: 'i', row: 8 } } };
    expect(verifyStreamChain([moved])).toMatchObject({ version: 1, reason: 'hash_mismatch' });
    const { importedFrom: _removed, ...without } = imported.metadata;
    expect(verifyStreamChain([{ ...imported, metadata: without }])).toMatchObject({ reason: 'hash_mismatch' });
  });
});
