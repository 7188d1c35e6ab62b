import { START, type Position } from '@kurrent/kurrentdb-client';

/**
 * # Mapping KurrentDB's $all positions onto the port's numeric positions
 *
 * The port promises a JS number per event, unique and increasing in feed order, with checkpoint = position of the
 * last delivered event. A KurrentDB $all position is a pair of 64-bit byte offsets in its transaction log,
 * `{commit, prepare}`, and $all is ordered by (commit, prepare).
 *
 * Choice: **position = the commit position**, and we insist that `prepare === commit`.
 *
 * - Every append this adapter makes is an ordinary (implicit) transaction: each event is one prepare record written
 *   with the "committed" flag, and the server reports it on $all as `{commit: p, prepare: p}` with `p` that record's
 *   own log offset. That holds for multi-event appends too: each event of the append is its own record with its own
 *   offset, so several events never share a commit position. Only the explicit transactions of the retired TCP API
 *   produced `{commit: c, prepare: p}` with `p < c` shared by several events; this adapter cannot write those, and
 *   the $all filter only lets the project's own streams through, so meeting one is a bug we fail loudly on.
 * - Offsets grow with the log, so the number is increasing in feed order and unique per event; `isAtOrBefore`
 *   is plain `<=`, and a checkpoint maps back to the exact position `{commit: n, prepare: n}` of a record start,
 *   which is where a read or a subscription may resume.
 * - 2^53 bytes is 9 PB of log; beyond it the number would lose precision, so we refuse it rather than alias.
 *
 * Rejected: `commit * K + index` (needs an index in the metadata and shrinks the range by K for no gain, since
 * positions are never shared); widening the port to bigint/string (changes every caller, the projector's
 * checkpoint column and the HTTP answers, for a range no NGO's log will reach).
 */
export type FeedPosition = number;

export class UnsupportedPositionError extends Error {
  constructor(readonly position: Position) {
    super(
      `KurrentDB position {commit: ${position.commit}, prepare: ${position.prepare}} cannot be a casetrack position: ` +
        (position.commit !== position.prepare
          ? 'it belongs to an explicit transaction (commit != prepare), which casetrack never writes'
          : 'it is 0 or beyond 2^53'),
    );
    this.name = 'UnsupportedPositionError';
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The port's position of an event at this $all position. */
export function toFeedPosition(position: Position): FeedPosition {
  if (position.commit !== position.prepare || position.commit <= 0n || position.commit > MAX) {
    throw new UnsupportedPositionError(position);
  }
  return Number(position.commit);
}

/** Where to resume reading $all for a checkpoint: the start, or the exact record of the last delivered event. */
export function toReadPosition(checkpoint: FeedPosition): Position | typeof START {
  if (!Number.isSafeInteger(checkpoint) || checkpoint < 0) throw new RangeError(`Invalid checkpoint ${checkpoint}`);
  if (checkpoint === 0) return START;
  const at = BigInt(checkpoint);
  return { commit: at, prepare: at };
}

/** Feed order is log order, so "delivered at or before the checkpoint" is a comparison; 0 means nothing delivered. */
export function isAtOrBeforeCheckpoint(position: FeedPosition, checkpoint: FeedPosition): boolean {
  return checkpoint !== 0 && position <= checkpoint;
}
