import { OfflineError } from './errors';
import type {
  Outbox,
  OutboxEntry,
  OutboxProblem,
  SendEntry,
  SendResult,
  SentAnswer,
  SyncOptions,
  SyncReport,
  SyncStop,
} from './types';

const LOCK_NAME = 'casetrack-outbox-sync';

/** What one answer means for its entry. */
type Outcome =
  | { readonly kind: 'sent'; readonly answer: SentAnswer }
  | { readonly kind: 'held'; readonly problem: OutboxProblem }
  /** No final answer for this entry: it stays pending and its case waits (409, 5xx other than 503). */
  | { readonly kind: 'retry-case' }
  /** Nothing more can be sent now (no answer, the session, the server asked to wait). */
  | { readonly kind: 'stop'; readonly stop: SyncStop };

export function classify(result: SendResult): Outcome {
  if (result.kind === 'no-answer') return { kind: 'stop', stop: 'network' };
  const { status, body } = result;
  if (status >= 200 && status < 300) return { kind: 'sent', answer: asAnswer(body) };
  if (status === 401 || (status === 403 && errorCode(body) === 'CSRF_TOKEN_INVALID')) {
    return { kind: 'stop', stop: 'unauthenticated' };
  }
  if (status === 429 || status === 503) return { kind: 'stop', stop: 'busy' };
  if (status === 409 || status >= 500 || status < 400) return { kind: 'retry-case' };
  // 412, 422 and every other 4xx (400, 403, 404, …): final, but never dropped silently – the person decides.
  return { kind: 'held', problem: { status, body } };
}

function errorCode(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>).code : undefined;
}

function asAnswer(body: unknown): SentAnswer {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    ...record,
    caseId: typeof record.caseId === 'string' ? record.caseId : '',
    version: typeof record.version === 'number' ? record.version : Number.NaN,
    position: typeof record.position === 'number' ? record.position : Number.NaN,
  };
}

/** One run at a time in this page; navigator.locks (when the browser has it) makes it one across tabs. */
let running: Promise<unknown> = Promise.resolve();

/** A send that has not answered in this long counts as no answer (a hung request must not hold the run forever). */
const DEFAULT_TIMEOUT_MS = 60_000;

export function syncOutbox(outbox: Outbox, send: SendEntry, options: SyncOptions = {}): Promise<SyncReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const run = (): Promise<SyncReport> => acrossTabs(() => runSync(outbox, send, timeoutMs));
  const result = running.then(run, run);
  running = result.catch(() => undefined);
  return result;
}

function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks === undefined ? work() : locks.request(LOCK_NAME, work);
}

async function sendOne(entry: OutboxEntry, send: SendEntry, timeoutMs: number): Promise<SendResult> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({ kind: 'no-answer' });
    }, timeoutMs);
  });
  try {
    return await Promise.race([send(entry, abort.signal), timedOut]);
  } catch {
    // A send that throws did not get an answer we can trust: like a network error, the entry stays as it is.
    return { kind: 'no-answer' };
  } finally {
    clearTimeout(timer);
  }
}

/** The first entry that may go now: each case in seq order, a case's queue stopping at its held entry. */
function nextToSend(entries: readonly OutboxEntry[], waiting: Set<string>): OutboxEntry | undefined {
  for (const entry of entries) {
    if (waiting.has(entry.caseRef)) continue;
    if (entry.state !== 'held') return entry;
    waiting.add(entry.caseRef);
  }
  return undefined;
}

/** Sends `entry`, unless it waits for a queued intake: then it is not sent, and its outcome says why. */
async function attempt(
  outbox: Outbox,
  entries: readonly OutboxEntry[],
  entry: OutboxEntry,
  send: SendEntry,
  timeoutMs: number,
): Promise<Outcome> {
  const intake = entry.dependsOn;
  if (intake !== undefined) {
    if (entries.some((other) => other.id === intake)) return { kind: 'retry-case' };
    // Its intake left the outbox without filling its case id: it can never be sent as it is. The person decides.
    return { kind: 'held', problem: { status: 0, body: { code: 'INTAKE_MISSING' } } };
  }
  outbox.markSending(entry.id);
  try {
    return classify(await sendOne(entry, send, timeoutMs));
  } finally {
    outbox.markSending(null);
  }
}

async function runSync(outbox: Outbox, send: SendEntry, timeoutMs: number): Promise<SyncReport> {
  const sent: SyncReport['sent'][number][] = [];
  const held: SyncReport['held'][number][] = [];
  let stoppedBy: SyncStop | null = null;
  /** Cases whose queue stopped in this run (a held entry, or one without a final answer). */
  const waiting = new Set<string>();
  try {
    for (;;) {
      // Read again each time: a 2xx rewrote the entries behind it (caseId of a queued intake, the ifMatch chain).
      const entries = await outbox.list();
      const next = nextToSend(entries, waiting);
      if (next === undefined) break;
      const outcome = await attempt(outbox, entries, next, send, timeoutMs);
      if (outcome.kind === 'stop') {
        stoppedBy = outcome.stop;
        break;
      }
      if (outcome.kind === 'retry-case') {
        waiting.add(next.caseRef);
        continue;
      }
      await outbox.settle(next.id, outcome);
      if (outcome.kind === 'sent') sent.push({ id: next.id, caseRef: next.caseRef, answer: outcome.answer });
      else {
        held.push({ id: next.id, caseRef: next.caseRef, problem: outcome.problem });
        waiting.add(next.caseRef);
      }
    }
  } catch (error) {
    if (!(error instanceof OfflineError && error.code === 'locked')) throw error;
    stoppedBy = 'locked';
  }
  return { sent, held, remaining: await outbox.count(), stoppedBy };
}
