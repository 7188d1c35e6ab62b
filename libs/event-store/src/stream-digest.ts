import { createHash } from 'node:crypto';

/** The last verified event of one stream. */
export interface StreamHead {
  streamId: string;
  version: number;
  hash: string;
}

/**
 * What `verify --all` writes and `verify --against` reads. `digest` is the one value to publish: anyone holding
 * this file can recompute it from `heads` (see `digestOfHeads`), and anyone holding the published value can check
 * that the file is the one it was taken from.
 */
export interface DigestFile {
  algorithm: 'sha256';
  createdAt: string;
  streams: number;
  events: number;
  digest: string;
  heads: StreamHead[];
}

const HEX64 = /^[0-9a-f]{64}$/;

/** One line per head, `streamId:version:hash`. */
export function headLine(head: StreamHead): string {
  return `${head.streamId}:${head.version}:${head.hash}`;
}

/**
 * SHA-256 (hex) over the heads' lines sorted by their UTF-8 bytes, each followed by a newline. Sorting makes the
 * digest independent of the order the heads were found in; byte order and the trailing newline make it equal to
 * `LC_ALL=C sort lines.txt | sha256sum`, so a third party can recompute it without our code.
 */
export function digestOfHeads(heads: readonly StreamHead[]): string {
  const lines = heads.map((head) => Buffer.from(`${headLine(head)}\n`, 'utf8'));
  lines.sort(Buffer.compare);
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return hash.digest('hex');
}

export function buildDigestFile(heads: readonly StreamHead[], createdAt: Date): DigestFile {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  return {
    algorithm: 'sha256',
    createdAt: createdAt.toISOString(),
    streams: sorted.length,
    events: sorted.reduce((sum, head) => sum + head.version, 0),
    digest: digestOfHeads(sorted),
    heads: sorted,
  };
}

export class DigestFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigestFileError';
  }
}

/**
 * Reads a digest file and checks that it is self-consistent: well-formed heads, counts that match, and a digest
 * that is the digest of its heads (so a head edited in the file is caught before any database is consulted).
 */
export function parseDigestFile(text: string): DigestFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DigestFileError('The digest file is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new DigestFileError('The digest file is not an object');
  const file = value as Partial<Record<keyof DigestFile, unknown>>;
  if (file.algorithm !== 'sha256') throw new DigestFileError('Unknown digest algorithm');
  if (typeof file.createdAt !== 'string' || Number.isNaN(Date.parse(file.createdAt))) {
    throw new DigestFileError('createdAt is not a time');
  }
  if (typeof file.digest !== 'string' || !HEX64.test(file.digest)) throw new DigestFileError('digest is not SHA-256');
  if (!Array.isArray(file.heads)) throw new DigestFileError('heads is not a list');
  const heads = file.heads.map(toHead);
  if (new Set(heads.map((head) => head.streamId)).size !== heads.length) {
    throw new DigestFileError('A stream is listed twice');
  }
  const events = heads.reduce((sum, head) => sum + head.version, 0);
  if (file.streams !== heads.length || file.events !== events) {
    throw new DigestFileError('The counts do not match the heads listed');
  }
  if (digestOfHeads(heads) !== file.digest) {
    throw new DigestFileError('The digest is not the digest of the heads listed: the file was altered');
  }
  return { algorithm: 'sha256', createdAt: file.createdAt, streams: heads.length, events, digest: file.digest, heads };
}

function toHead(value: unknown, index: number): StreamHead {
  const head = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof StreamHead, unknown>>;
  const { streamId, version, hash } = head;
  if (
    typeof streamId !== 'string' ||
    streamId.length === 0 ||
    streamId.includes('\n') ||
    typeof version !== 'number' ||
    !Number.isSafeInteger(version) ||
    version < 1 ||
    typeof hash !== 'string' ||
    !HEX64.test(hash)
  ) {
    throw new DigestFileError(`heads[${index}] is not {streamId, version, hash}`);
  }
  return { streamId, version, hash };
}

/** What a scan of the store saw of one stream, to hold against the head a digest recorded for it. */
export interface ObservedStream {
  /** The highest version present (verified or not). */
  lastVersion: number;
  /** The stored hash of the event at the digest head's version, if that event is present. */
  hashAtHeadVersion: string | null;
  /** The first break of the stream's chain, if any. */
  brokenAtVersion: number | null;
}

export type DigestProblem = 'stream_missing' | 'events_missing' | 'chain_broken' | 'hash_changed';

export interface DigestFinding {
  streamId: string;
  /** The version at which the stream stops matching what the digest recorded. */
  version: number;
  problem: DigestProblem;
}

/**
 * Whether every event a digest covered for this stream is still there, unchanged: the chain must verify up to the
 * recorded head, and the head must carry the recorded hash. Because each hash covers the previous one, that proves
 * every earlier event too. Events appended after the digest are not its concern (the chain check covers them).
 */
export function compareWithHead(expected: StreamHead, observed: ObservedStream | undefined): DigestFinding | null {
  const finding = (version: number, problem: DigestProblem): DigestFinding => ({
    streamId: expected.streamId,
    version,
    problem,
  });
  if (!observed || observed.lastVersion === 0) return finding(1, 'stream_missing');
  if (observed.brokenAtVersion !== null && observed.brokenAtVersion <= expected.version) {
    return finding(observed.brokenAtVersion, 'chain_broken');
  }
  if (observed.lastVersion < expected.version) return finding(observed.lastVersion + 1, 'events_missing');
  if (observed.hashAtHeadVersion !== expected.hash) return finding(expected.version, 'hash_changed');
  return null;
}
