import type { RecordedEvent } from './event-store.port';
import { GENESIS_HASH, computeEventHash } from './hash-chain';

export type ChainProblem = 'version_gap' | 'prev_hash_mismatch' | 'hash_mismatch';

/** The answer of `GET /v1/cases/:caseId/verify`, also used by the CLI for every stream. */
export type ChainVerification =
  | { valid: true; events: number; headHash: string | null }
  | { valid: false; brokenAtVersion: number; problem: ChainProblem };

/**
 * What the verifier needs of one stored event. `columns` are the row's `prev_hash`/`hash` columns when the reader
 * has them: they duplicate the metadata (the append guard chains on the column), so they must agree with it.
 */
export type ChainLink = Pick<RecordedEvent, 'eventId' | 'streamId' | 'version' | 'type' | 'data' | 'metadata'> & {
  columns?: { prevHash: string; hash: string };
};

/**
 * Checks one stream's events fed in version order, one at a time, so a reader can stream millions of rows through
 * it. The first problem found is final: after a break nothing later in the stream can be trusted.
 *
 * - a missing version (a deleted row) is reported at the first missing version;
 * - an event whose `prevHash` is not the previous event's hash (a re-linked or re-ordered chain) at its version;
 * - an event whose stored hash is not the SHA-256 of its stored form (any changed byte) at its version.
 */
export class StreamChainCheck {
  private expectedVersion = 1;
  private previousHash = GENESIS_HASH;
  private broken: { version: number; problem: ChainProblem } | null = null;

  /** Feeds the next event; returns false once the chain is known to be broken. */
  add(event: ChainLink): boolean {
    if (this.broken) return false;
    const problem = this.problemOf(event);
    if (problem) {
      this.broken = problem;
      return false;
    }
    this.previousHash = event.metadata.hash;
    this.expectedVersion += 1;
    return true;
  }

  /** The stream's version as verified so far (the last intact event). */
  get verifiedVersion(): number {
    return this.expectedVersion - 1;
  }

  /** Hash of the last intact event, or null for an empty stream. */
  get headHash(): string | null {
    return this.verifiedVersion === 0 ? null : this.previousHash;
  }

  result(): ChainVerification {
    if (this.broken) return { valid: false, brokenAtVersion: this.broken.version, problem: this.broken.problem };
    return { valid: true, events: this.verifiedVersion, headHash: this.headHash };
  }

  private problemOf(event: ChainLink): { version: number; problem: ChainProblem } | null {
    if (event.version !== this.expectedVersion) {
      // A version below the expected one is a duplicate or a reordering; above it, rows are missing.
      const version = Math.min(event.version, this.expectedVersion);
      return { version, problem: event.version > this.expectedVersion ? 'version_gap' : 'prev_hash_mismatch' };
    }
    const { prevHash, hash } = event.metadata;
    if (prevHash !== this.previousHash || (event.columns && event.columns.prevHash !== prevHash)) {
      return { version: event.version, problem: 'prev_hash_mismatch' };
    }
    if (computeEventHash(event) !== hash || (event.columns && event.columns.hash !== hash)) {
      return { version: event.version, problem: 'hash_mismatch' };
    }
    return null;
  }
}

/** Verifies a whole stream (its events in version order, starting at version 1). */
export function verifyChain(events: readonly ChainLink[]): ChainVerification {
  const check = new StreamChainCheck();
  for (const event of events) if (!check.add(event)) break;
  return check.result();
}
