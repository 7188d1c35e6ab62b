/**
 * The console's offline store (issue 18): ONE IndexedDB database `casetrack-offline` whose every value is sealed with
 * AES-GCM-256 under a key derived from the person's passphrase (PBKDF2-SHA-256, 600,000 iterations, then HKDF into a
 * non-extractable AES key and a non-extractable HMAC key that names cached URLs opaquely), held in memory only. It
 * keeps the API answers read for offline use (the "offline set") and the outbox of writes made without a connection.
 * Files: crypto.ts, store.ts (IndexedDB), vault.ts, outbox.ts, sync.ts, offline-fetch.ts, refresh.ts, tabs.ts.
 *
 * No user-facing text here: results are codes; the console words them.
 */
export type * from './types';

/**
 * Thrown for a misuse or a state that forbids the call, with a `code`: `locked` (sealed data while not unlocked),
 * `exists` (create over a vault), `absent` (unlock without one), `invalid` (bad argument), `not-found` (unknown outbox
 * id), `not-held` (reapply/change of an entry that is not held), `sending` (discard of the entry in flight in this tab).
 */
export { OfflineError, type OfflineErrorCode } from './errors';

/** Opens (lazily) the device's offline store. Call once per page; the state starts `opening`. */
export { openOffline } from './open';

/**
 * Sends the outbox one entry at a time in seq order, per case; a case's queue stops at its first entry without a
 * final answer (held, 409, 5xx). 2xx removes; 412/422 and other 4xx hold; 409/5xx keep pending (same key and body
 * next time); no answer / 401 / 429 / 503 stop the whole run. A queued intake's 2xx fills its caseId into the entries
 * that depend on it (their caseRef becomes that id). The ifMatch chain: when an entry based on version V answers 2xx
 * with version W, the entries queued behind it on the same case that were ALSO based on V (queued offline, the person
 * saw the same cached case) are rewritten to W, in the store, in the same transaction that removes the entry; an entry
 * based on another version keeps it (a 412 then shows what changed). One run at a time (in this module and, through
 * navigator.locks, across tabs): a second call waits for the first, then runs on what is left.
 * `send` gets the entry as it must be sent (pathParams filled, ifMatch rewritten, id = Idempotency-Key).
 */
export { syncOutbox } from './sync';

/** Header on an answer served from the vault (`X-Casetrack-Offline`): the ISO time it was saved. */
export { OFFLINE_HEADER } from './constants';

/**
 * A fetch for the API client. GET: network first; a 2xx JSON answer of a cacheable URL is stored (when unlocked); a
 * network failure answers from the vault (200, the body, `X-Casetrack-Offline: <savedAt>`), or rethrows when the URL
 * is not cached or the vault is locked. Never stores a non-GET or a non-2xx.
 */
export { offlineFetch } from './offline-fetch';

/**
 * The URLs of the offline set (a default `isCacheable`): the session, the users lists, the caseload list
 * (`/v1/cases?lawyerId=…`), and a case's detail and timeline. The session is always stored without its CSRF token.
 */
export { isAbort, isOfflineSetUrl } from './offline-fetch';

/**
 * Reads the offline set and stores it: the session (without its CSRF token), the users lists the forms read
 * (`/v1/users`, `/v1/users?role=lawyer`), the caseload (GET /v1/cases?lawyerId=<ownUserId>&page=…&pageSize=100, every
 * page, kept as ONE CaseSummaryPage under `/v1/cases?lawyerId=<ownUserId>`) and, for each caseload, pinned or
 * `alsoKeep` case, its detail and timeline. When the caseload and every case were read: the answers of cases no longer
 * in the set (and of other lists) are dropped, and – the session read too – the vault is marked refreshed (a refused
 * users list, e.g. an auditor's, does not count). `ownUserId` null (coordinators): pinned cases only.
 */
export { refreshOfflineSet } from './refresh';

/** `/v1/cases?lawyerId=<id>`: where refreshOfflineSet keeps the whole caseload (for an offline "my cases" list). */
export { caseloadUrl } from './refresh';
