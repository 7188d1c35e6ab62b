import type { EventStoreConfig } from '../event-store';

/** What the rebuild's worker thread needs to compose the event store exactly as the CLI does (event-store.ts). */
export interface ShadowThreadData extends Omit<EventStoreConfig, 'masterKey'> {
  /** A Buffer on this side; structured cloning hands the worker a plain Uint8Array. */
  masterKey: Uint8Array;
  logLevel: string;
}

/** One step of a shadow projection, run by the worker in the order sent. */
export type ShadowRequest =
  | { op: 'open'; id: number; schema: string; capacity: number }
  /**
   * The batch as JSON text. Events are JSON through and through, and a rebuild hands over every one of them: the
   * worker parses text faster than it deserialises a structured clone of the same objects, and the stringify runs on
   * the reading thread, which mostly waits for PostgreSQL (a 300,000-event rebuild about 1.2 times as fast).
   */
  | { op: 'batch'; id: number; batch: string }
  | { op: 'finish'; id: number; count: boolean }
  | { op: 'count'; id: number }
  | { op: 'close'; id: number }
  | { op: 'exit'; id: number };

/** An error as it crosses the thread: enough for the caller's message, the log and PostgreSQL's code. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
}

export type ShadowReply = { id: number; ok: true; checkpoint: number } | { id: number; ok: false; error: ThreadError };
