import {
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';

/** Stream holding the one reservation of an event id. Outside every casetrack prefix, so the feed never sees it. */
export function reservationStreamOf(eventId: string): string {
  return `eventid-${eventId.toLowerCase()}`;
}

export const RESERVATION_TYPE = 'EventIdReserved';

export type ReservationOutcome =
  /** Reserved now: no event with this id can be stored anywhere yet. */
  | 'new'
  /** Reserved earlier for the same stream: a retry, whose event may or may not have been stored. */
  | 'same_stream'
  /** Reserved for another stream: the id is taken. */
  | 'other_stream';

/**
 * Event ids are unique across the store (the port's DuplicateEventError), but KurrentDB only knows ids per stream.
 * So before the events are appended, each id is claimed by creating the stream `eventid-<id>` with `no_stream`:
 * exactly one claim per id can ever succeed, cluster-wide. A claim whose append then loses a race stays behind
 * for its stream, which is harmless: a retry of the same write (same ids, same stream) finds it and goes on.
 */
export async function reserveEventIds(
  client: KurrentDBClient,
  streamId: string,
  eventIds: readonly string[],
): Promise<Map<string, ReservationOutcome>> {
  const outcomes = await Promise.all(
    eventIds.map(async (eventId): Promise<[string, ReservationOutcome]> => [
      eventId,
      await reserve(client, streamId, eventId),
    ]),
  );
  return new Map(outcomes);
}

async function reserve(client: KurrentDBClient, streamId: string, eventId: string): Promise<ReservationOutcome> {
  const stream = reservationStreamOf(eventId);
  try {
    // The reservation carries the event's own id, so a repeated claim after a lost answer is idempotent.
    await client.appendToStream(stream, jsonEvent({ id: eventId, type: RESERVATION_TYPE, data: { streamId } }), {
      streamState: NO_STREAM,
    });
    return 'new';
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  const owner = await reservedFor(client, stream);
  return owner === streamId ? 'same_stream' : 'other_stream';
}

async function reservedFor(client: KurrentDBClient, stream: string): Promise<string | null> {
  try {
    for await (const resolved of client.readStream(stream, { maxCount: 1 })) {
      const data = resolved.event?.data as { streamId?: unknown } | undefined;
      return typeof data?.streamId === 'string' ? data.streamId : null;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return null;
}
