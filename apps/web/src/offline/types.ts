/** The offline store's types (index.ts re-exports them with the functions): modules import from here, not from index.ts. */
import type { WritePath } from '../api/types';

// ───────────────────────────── the vault ─────────────────────────────

/**
 * `opening`: the database is being looked at (right after openOffline, and when another tab made, wiped or upgraded
 * it; `vault.ready()` resolves when the latest look is over).
 * `absent`: no vault on this device. `locked`: a vault, key not in memory. `unlocked`: key in memory.
 */
export type VaultState = 'opening' | 'absent' | 'locked' | 'unlocked';

/** `other-account`: the vault was made by another account on this device (wipe is the way out). */
export type UnlockResult = 'unlocked' | 'wrong-passphrase' | 'other-account';

export interface OfflineSettings {
  /** 1–30 (default 7): on unlock, cached answers older than this are dropped (the outbox never is). */
  readonly maxOfflineAgeDays: number;
}

export interface CachedAnswer {
  readonly body: unknown;
  /** ISO time this device stored the answer. */
  readonly savedAt: string;
}

/**
 * Every method that reads or writes sealed data rejects with `OfflineError('locked')` unless the state is `unlocked`.
 */
export interface OfflineVault {
  state(): VaultState;
  /** Resolves once the state is no longer `opening`. */
  ready(): Promise<VaultState>;
  /** Called on every change of the state or of the outbox (for useSyncExternalStore). Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** From `absent` only (else OfflineError('exists')); leaves the vault `unlocked`. Passphrase: at least 1 char. */
  create(passphrase: string, accountId: string): Promise<void>;
  /**
   * From `locked` (or `unlocked`: checks again). A wrong passphrase decrypts nothing and changes nothing. On success
   * the max offline age is applied: cached answers older than it are dropped (`droppedStaleCache` tells the console).
   * `accountId`: the signed-in account, which must be the vault's (else `other-account`, checked only once the
   * passphrase is right: another person, not knowing it, sees `wrong-passphrase`); null when no session is known
   * (opened offline): any account's vault opens, `accountId()` then names it. No vault: OfflineError('absent');
   * locked or wiped (another tab) while the key was being derived: OfflineError('locked').
   */
  unlock(passphrase: string, accountId: string | null): Promise<UnlockResult>;
  /**
   * The account the vault belongs to, while unlocked (else null). With `unlock(passphrase, null)` – the console opened
   * without a connection, no session to compare with – this says whose vault was opened, so no account id needs to be
   * kept in clear anywhere (not in localStorage either).
   */
  accountId(): string | null;
  /** True when the last unlock dropped the cached answers for being older than the max offline age. */
  droppedStaleCache(): boolean;
  /** Drops the key from memory, in every tab of this device (sign-out locks too). Synchronous. */
  lock(): void;
  /**
   * Deletes the whole database (outbox included) → `absent`. The console then clears Cache Storage and unregisters
   * the service worker itself. Works in any state.
   */
  wipe(): Promise<void>;
  settings(): Promise<OfflineSettings>;
  /** maxOfflineAgeDays outside 1–30 (or not an integer): OfflineError('invalid'). */
  setSettings(settings: OfflineSettings): Promise<void>;
  /** Cache of API answers (JSON bodies), by the URL's path+query (e.g. `/v1/cases/<id>/timeline`). */
  putAnswer(url: string, body: unknown): Promise<void>;
  getAnswer(url: string): Promise<CachedAnswer | null>;
  /** Drops every cached answer (not the outbox, not the settings or pins). */
  clearAnswers(): Promise<void>;
  /** Keeps only the cached answers whose (normalised path+query) URL `keep` accepts; returns how many went. */
  retainAnswers(keep: (url: string) => boolean): Promise<number>;
  /** Case ids kept on this device besides the caseload ("Keep on this device"). */
  pinned(): Promise<readonly string[]>;
  pin(caseId: string): Promise<void>;
  unpin(caseId: string): Promise<void>;
  lastRefreshedAt(): Promise<string | null>;
  markRefreshed(at: string): Promise<void>;
}

// ───────────────────────────── the outbox ─────────────────────────────

/** `sending`: in flight in this tab right now (not stored). `held`: waits for the person (see `problem`). */
export type OutboxState = 'pending' | 'sending' | 'held';

export interface OutboxProblem {
  /**
   * The HTTP status of the final answer that held it (412, 422, 403, 404, 400, …); 0 with body
   * `{ code: 'INTAKE_MISSING' }`: an entry whose queued intake left the outbox without an answer (only discard helps).
   */
  readonly status: number;
  /** The answer's body as received (ErrorBody; for 412 the VersionMismatch). */
  readonly body: unknown;
}

export interface OutboxEntry {
  /** = the Idempotency-Key sent with it; a new one after reapply/change. */
  readonly id: string;
  /** Order of entry on this device (increasing). */
  readonly seq: number;
  /** The case id, or `local:<uuid>` for a case whose intake (POST /v1/cases) is itself still queued. */
  readonly caseRef: string;
  readonly path: WritePath;
  readonly pathParams: Readonly<Record<string, string>>;
  /** The write's JSON body, including the occurredAt the person gave. */
  readonly body: unknown;
  /** The case version the person saw (sent as If-Match); see syncOutbox for how a chain of queued writes uses it. */
  readonly ifMatch?: number;
  /** ISO, device clock: when the person entered it. */
  readonly enteredAt: string;
  /** The outbox id of the queued intake whose answer's caseId fills `pathParams.caseId` (caseRef is then `local:…`). */
  readonly dependsOn?: string;
  readonly state: OutboxState;
  readonly problem?: OutboxProblem;
}

export type OutboxEntrySummary = Pick<OutboxEntry, 'id' | 'seq' | 'caseRef' | 'path' | 'enteredAt' | 'state'>;

export interface NewOutboxEntry {
  /**
   * The Idempotency-Key the write was ALREADY sent with, if any (sendWrite's attempts that got no answer: the server
   * may have recorded it, so the outbox must reuse that key). Omitted: a fresh random one.
   */
  readonly id?: string;
  readonly caseRef: string;
  readonly path: WritePath;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly ifMatch?: number;
  /** Default: now. */
  readonly enteredAt?: string;
  readonly dependsOn?: string;
}

/** The final 2xx answer of a sent entry (WriteAnswer, plus whatever the route adds). */
export interface SentAnswer {
  readonly caseId: string;
  readonly version: number;
  readonly position: number;
  readonly [extra: string]: unknown;
}

/** How an entry's sending ended, for `Outbox.settle` (syncOutbox calls it; the console does not need to). */
export type Settlement =
  { readonly kind: 'sent'; readonly answer: SentAnswer } | { readonly kind: 'held'; readonly problem: OutboxProblem };

/**
 * Sealed-data methods reject with OfflineError('locked') unless the vault is unlocked; `count` works locked (it
 * reads only the clear sequence numbers) so a locked console can say "N waiting".
 */
export interface Outbox {
  add(entry: NewOutboxEntry): Promise<OutboxEntry>;
  /** Every entry, in seq order. */
  list(): Promise<readonly OutboxEntry[]>;
  forCase(caseRef: string): Promise<readonly OutboxEntry[]>;
  count(): Promise<number>;
  /**
   * Removes the entry (the person chose to). Discarding a queued intake also discards the entries that depend on it
   * (they cannot be sent without the case): the ids removed are returned. Unknown id: OfflineError('not-found').
   * Offer it for `held` and `pending` entries: a `sending` one is refused with OfflineError('sending') (the server
   * may be recording it right now).
   */
  discard(id: string): Promise<readonly string[]>;
  /**
   * A held entry, sent again based on `ifMatch` (the case's current version): new id/key (the API replays a key's
   * first answer, the 412 or 422 too, so the old key could never succeed), back to pending, same place in the queue.
   * A queued intake's dependent entries follow its new id. Not held: OfflineError('not-held').
   */
  reapply(id: string, ifMatch: number): Promise<OutboxEntry>;
  /** A held entry with an edited body (and optionally a new ifMatch): as reapply, new id/key, back to pending. */
  change(id: string, body: unknown, ifMatch?: number): Promise<OutboxEntry>;
  subscribe(listener: () => void): () => void;
  /** For syncOutbox: marks the entry in flight in this tab (null: none). */
  markSending(id: string | null): void;
  /**
   * For syncOutbox: records the final answer of an entry. `sent` removes it and, in the same transaction, rewrites the
   * entries queued behind it (dependsOn → caseId; the ifMatch chain). `held` keeps it with the problem.
   */
  settle(id: string, settlement: Settlement): Promise<void>;
}

export interface OpenOfflineOptions {
  /** Default: globalThis.indexedDB. Tests pass `new IDBFactory()` from fake-indexeddb. */
  readonly indexedDB?: IDBFactory;
  /** PBKDF2 iterations for a NEW vault (default 600,000; stored beside the salt, so unlock uses the vault's own). */
  readonly iterations?: number;
  /** Default: () => new Date(). */
  readonly now?: () => Date;
  /**
   * The BroadcastChannel the tabs of this device talk on (lock in one tab locks all; a vault made or wiped, an outbox
   * changed elsewhere is seen). Default: 'casetrack-offline' with the browser's indexedDB, none (null) with an
   * injected one.
   */
  readonly channel?: string | null;
}

export interface OfflineHandles {
  readonly vault: OfflineVault;
  readonly outbox: Outbox;
}

// ───────────────────────────── sync ─────────────────────────────

/**
 * What sending one entry got. `answer`: any HTTP answer (status and parsed JSON body, or null). `no-answer`: a network
 * error or a timeout – the request may or may not have reached the server. A `send` that throws counts as no-answer.
 */
export type SendResult =
  { readonly kind: 'answer'; readonly status: number; readonly body: unknown } | { readonly kind: 'no-answer' };

/**
 * Why a sync stopped before the end: `network` (no answer), `unauthenticated` (401, or 403 CSRF_TOKEN_INVALID: the
 * session, not the entry, is the problem; entries stay pending), `busy` (429/503: the server asked to wait),
 * `locked` (the vault was locked meanwhile).
 */
export type SyncStop = 'network' | 'unauthenticated' | 'busy' | 'locked';

/** Sends one entry; `signal` aborts when the run gives up waiting (then it counts as no answer). */
export type SendEntry = (entry: OutboxEntry, signal: AbortSignal) => Promise<SendResult>;

export interface SyncOptions {
  /** How long one send may take before it counts as no answer (default 60 s; the same key goes next time). */
  readonly timeoutMs?: number;
}

export interface SyncReport {
  /** The 2xx answers, in the order received (the console refreshes these cases). */
  readonly sent: readonly { readonly id: string; readonly caseRef: string; readonly answer: SentAnswer }[];
  /** Entries newly held by this run. */
  readonly held: readonly { readonly id: string; readonly caseRef: string; readonly problem: OutboxProblem }[];
  /** Entries still in the outbox after the run (pending or held). */
  readonly remaining: number;
  readonly stoppedBy: SyncStop | null;
}

// ───────────────────────────── fetch and refresh ─────────────────────────────

/** Reads with the console's client: resolves the JSON body of a 2xx GET, rejects otherwise. */
export type FetchJson = (url: string) => Promise<unknown>;

export interface RefreshOptions {
  /** Case ids to keep besides the caseload and the pins (e.g. the caseRefs of the outbox); `local:…` refs are skipped. */
  readonly alsoKeep?: readonly string[];
  /** The refresh time marked (default: now); tests pass the vault's clock. */
  readonly now?: () => Date;
}

export interface RefreshReport {
  readonly cases: number;
  /** Reads that failed (URL path only); the rest was stored. */
  readonly failed: readonly string[];
}
