import { NO_STREAM, WrongExpectedVersionError, type AppendStreamState } from '@kurrent/kurrentdb-client';
import { ConcurrencyError, type ExpectedVersion } from '../event-store.port';

/**
 * Versions and revisions: a KurrentDB stream revision counts from 0, a casetrack version from 1, so
 * version = revision + 1 and "the stream is at version v" is the stream state `v - 1` (`no_stream` for v = 0).
 */
export function versionOf(revision: bigint): number {
  const version = revision + 1n;
  if (version > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Revision ${revision} is out of range`);
  return Number(version);
}

export function revisionOf(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`Invalid version ${version}`);
  return BigInt(version - 1);
}

/**
 * The stream state an append sends when the stream must be at exactly `version` (0: must not exist).
 *
 * Every append is sent with an exact state, never KurrentDB's `any`: each event's hash chains to the hash of the
 * event before it, so the adapter has to know which event that is, and the server must refuse the append if the
 * stream moved in between. The port's `'any'` is therefore "at the head I just read", retried when the head moved.
 */
export function streamStateAt(version: number): AppendStreamState {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`Invalid expected version ${version}`);
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

/** The version a stream actually had, from the state a refused append reports (`no_stream` is version 0). */
export function versionOfState(state: unknown): number | null {
  if (state === NO_STREAM) return 0;
  if (typeof state === 'bigint' && state >= 0n) return versionOf(state);
  return null;
}

/** A refused append as the port's typed error; null for anything that is not a wrong-expected-version answer. */
export function toConcurrencyError(
  error: unknown,
  streamId: string,
  expected: ExpectedVersion,
): ConcurrencyError | null {
  if (!(error instanceof WrongExpectedVersionError)) return null;
  return new ConcurrencyError(streamId, expected, versionOfState(error.actualState));
}
