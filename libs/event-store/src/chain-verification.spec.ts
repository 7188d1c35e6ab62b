import { createHash } from 'node:crypto';
import { type ChainLink, StreamChainCheck, verifyChain } from './chain-verification';
import { GENESIS_HASH, computeEventHash } from './hash-chain';

/** A correctly chained stream of `count` events, as the store writes it. */
function chain(count: number, streamId = 's-1'): ChainLink[] {
  const events: ChainLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let version = 1; version <= count; version += 1) {
    const event = link(streamId, version, prevHash, { place: 'Республика', n: version });
    events.push(event);
    prevHash = event.metadata.hash;
  }
  return events;
}

function link(streamId: string, version: number, prevHash: string, data: ChainLink['data']): ChainLink {
  const unhashed = {
    eventId: `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`,
    streamId,
    version,
    type: 'NoteAdded',
    data,
    metadata: {
      actorId: 'u-1',
      actorRole: 'lawyer',
      correlationId: 'c-1',
      causationId: null,
      occurredAt: '2022-01-06T10:00:00.000Z',
      occurredAtPrecision: 'exact',
      schemaVersion: 1,
      recordedAt: '2022-01-07T10:00:00.000Z',
      prevHash,
    },
  };
  return { ...unhashed, metadata: { ...unhashed.metadata, hash: computeEventHash(unhashed) } };
}

describe('verifyChain', () => {
  it('accepts an intact chain and answers its length and head hash', () => {
    const events = chain(4);
    expect(verifyChain(events)).toEqual({ valid: true, events: 4, headHash: events[3].metadata.hash });
  });

  it('an empty stream is valid with no head', () => {
    expect(verifyChain([])).toEqual({ valid: true, events: 0, headHash: null });
  });

  it('reports a changed byte of data at that exact version', () => {
    const events = chain(5);
    events[2] = { ...events[2], data: { place: 'Республикa', n: 3 } }; // Cyrillic а -> Latin a
    expect(verifyChain(events)).toEqual({ valid: false, brokenAtVersion: 3, problem: 'hash_mismatch' });
  });

  it('reports a changed time in the metadata (the hash covers both times)', () => {
    const events = chain(3);
    events[1] = { ...events[1], metadata: { ...events[1].metadata, recordedAt: '2022-01-08T10:00:00.000Z' } };
    expect(verifyChain(events)).toMatchObject({ valid: false, brokenAtVersion: 2, problem: 'hash_mismatch' });
  });

  it('reports a deleted row at the first missing version', () => {
    const events = chain(6);
    expect(verifyChain([...events.slice(0, 2), ...events.slice(4)])).toEqual({
      valid: false,
      brokenAtVersion: 3,
      problem: 'version_gap',
    });
    expect(verifyChain(events.slice(1))).toMatchObject({ brokenAtVersion: 1, problem: 'version_gap' });
  });

  it('reports an event re-linked to another predecessor, even with a hash recomputed to match', () => {
    const events = chain(4);
    const forged = link('s-1', 3, createHash('sha256').update('other').digest('hex'), { n: 3 });
    expect(verifyChain([events[0], events[1], forged, events[3]])).toEqual({
      valid: false,
      brokenAtVersion: 3,
      problem: 'prev_hash_mismatch',
    });
  });

  it('reports a rewritten event whose successor still points to the original', () => {
    const events = chain(4);
    const rewritten = link('s-1', 2, events[0].metadata.hash, { n: 'rewritten' });
    expect(verifyChain([events[0], rewritten, events[2], events[3]])).toMatchObject({
      brokenAtVersion: 3,
      problem: 'prev_hash_mismatch',
    });
  });

  it('reports a hash column that disagrees with the metadata', () => {
    const events = chain(3);
    const columns = (e: ChainLink) => ({ prevHash: e.metadata.prevHash, hash: e.metadata.hash });
    const withColumns = events.map((e) => ({ ...e, columns: columns(e) }));
    expect(verifyChain(withColumns)).toMatchObject({ valid: true });
    withColumns[1] = { ...withColumns[1], columns: { ...columns(events[1]), hash: 'f'.repeat(64) } };
    expect(verifyChain(withColumns)).toMatchObject({ brokenAtVersion: 2, problem: 'hash_mismatch' });
  });

  it('reports a duplicated version', () => {
    const events = chain(3);
    expect(verifyChain([events[0], events[1], events[1], events[2]])).toMatchObject({
      valid: false,
      brokenAtVersion: 2,
    });
  });

  it('stops at the first break and keeps the verified prefix', () => {
    const events = chain(4);
    const check = new StreamChainCheck();
    expect(check.add(events[0])).toBe(true);
    expect(check.add(events[2])).toBe(false);
    expect(check.add(events[3])).toBe(false);
    expect(check.verifiedVersion).toBe(1);
    expect(check.headHash).toBe(events[0].metadata.hash);
  });
});
