import { createHash } from 'node:crypto';
import {
  buildDigestFile,
  compareWithHead,
  digestOfHeads,
  DigestFileError,
  parseDigestFile,
  type StreamHead,
} from './stream-digest';

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');
const heads: StreamHead[] = [
  { streamId: 'case-b', version: 3, hash: hash('b3') },
  { streamId: 'case-a', version: 12, hash: hash('a12') },
  { streamId: 'case-C', version: 1, hash: hash('C1') },
];

describe('digest over stream heads', () => {
  it('is SHA-256 over the sorted "streamId:version:hash" lines, each ending in a newline', () => {
    const lines = [`case-C:1:${hash('C1')}`, `case-a:12:${hash('a12')}`, `case-b:3:${hash('b3')}`];
    expect(digestOfHeads(heads)).toBe(hash(`${lines.join('\n')}\n`));
  });

  it('does not depend on the order the heads were found in', () => {
    expect(digestOfHeads([...heads].reverse())).toBe(digestOfHeads(heads));
  });

  it('changes with any head', () => {
    expect(digestOfHeads([{ ...heads[0], version: 4 }, heads[1], heads[2]])).not.toBe(digestOfHeads(heads));
    expect(digestOfHeads(heads.slice(1))).not.toBe(digestOfHeads(heads));
  });

  it('a digest file counts streams and events and survives a round trip', () => {
    const file = buildDigestFile(heads, new Date('2024-05-01T10:00:00Z'));
    expect(file).toMatchObject({ algorithm: 'sha256', createdAt: '2024-05-01T10:00:00.000Z', streams: 3, events: 16 });
    expect(file.heads.map((h) => h.streamId)).toEqual(['case-C', 'case-a', 'case-b']);
    expect(parseDigestFile(JSON.stringify(file))).toEqual(file);
  });

  it('refuses a file whose heads were edited after the digest was taken', () => {
    const file = buildDigestFile(heads, new Date());
    const edited = { ...file, heads: file.heads.map((h, i) => (i === 0 ? { ...h, hash: hash('forged') } : h)) };
    expect(() => parseDigestFile(JSON.stringify(edited))).toThrow(DigestFileError);
    expect(() => parseDigestFile('not json')).toThrow(DigestFileError);
    expect(() => parseDigestFile(JSON.stringify({ ...file, events: 17 }))).toThrow(/counts/);
  });
});

describe('compareWithHead', () => {
  const head: StreamHead = { streamId: 'case-a', version: 5, hash: hash('a5') };
  const intact = { lastVersion: 5, hashAtHeadVersion: hash('a5'), brokenAtVersion: null };

  it('accepts a stream that still holds the head, also with events appended since', () => {
    expect(compareWithHead(head, intact)).toBeNull();
    expect(compareWithHead(head, { ...intact, lastVersion: 9 })).toBeNull();
    expect(compareWithHead(head, { ...intact, lastVersion: 9, brokenAtVersion: 7 })).toBeNull();
  });

  it('finds a vanished stream, vanished events, a rewritten head and a broken chain below the head', () => {
    expect(compareWithHead(head, undefined)).toEqual({ streamId: 'case-a', version: 1, problem: 'stream_missing' });
    expect(compareWithHead(head, { ...intact, lastVersion: 3, hashAtHeadVersion: null })).toMatchObject({
      version: 4,
      problem: 'events_missing',
    });
    expect(compareWithHead(head, { ...intact, hashAtHeadVersion: hash('other') })).toMatchObject({
      version: 5,
      problem: 'hash_changed',
    });
    expect(compareWithHead(head, { ...intact, brokenAtVersion: 2 })).toMatchObject({
      version: 2,
      problem: 'chain_broken',
    });
  });
});
