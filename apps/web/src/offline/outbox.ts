import { seal, unseal } from './crypto';
import type { Sealed } from './crypto';
import { OfflineError } from './errors';
import type { NewOutboxEntry, Outbox, OutboxEntry, OutboxProblem, SentAnswer, Settlement } from './types';
import type { OfflineDb } from './store';
import type { Emitter, Vault } from './vault';

/** What is sealed for an entry: everything but its seq (the record's key, bound as the seal's label). */
type SealedPart = Omit<OutboxEntry, 'seq' | 'state' | 'problem'> & { readonly problem?: OutboxProblem };

/** The stored record: only the sequence number and the case reference in clear (the caseRef is a random id). */
interface OutboxRow {
  readonly seq: number;
  readonly caseRef: string;
  readonly sealed: Sealed;
}

const INTAKE_PATH = '/v1/cases';

export class DeviceOutbox implements Outbox {
  private sending: string | null = null;
  /** Every change of the outbox in this tab runs after the one before it (a read-seal-write is not interleaved). */
  private serial: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: OfflineDb,
    private readonly vault: Vault,
    private readonly emitter: Emitter,
    private readonly now: () => Date,
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.serial.then(work, work);
    this.serial = result.catch(() => undefined);
    return result;
  }

  private async sealRow(seq: number, part: SealedPart): Promise<OutboxRow> {
    return { seq, caseRef: part.caseRef, sealed: await seal(this.vault.requireKeys(), `outbox:${seq}`, part) };
  }

  private toEntry(seq: number, part: SealedPart): OutboxEntry {
    const state = part.problem !== undefined ? 'held' : this.sending === part.id ? 'sending' : 'pending';
    return { ...part, seq, state };
  }

  add(entry: NewOutboxEntry): Promise<OutboxEntry> {
    return this.exclusive(async () => {
      this.vault.requireKeys();
      if (entry.caseRef.length === 0 || (entry.id !== undefined && (entry.id.length === 0 || entry.id.length > 200))) {
        throw new OfflineError('invalid');
      }
      const seq = await this.db.update<number>('meta', 'outboxSeq', (last) => (last ?? 0) + 1);
      const part: SealedPart = {
        id: entry.id ?? globalThis.crypto.randomUUID(),
        caseRef: entry.caseRef,
        path: entry.path,
        pathParams: { ...entry.pathParams },
        body: entry.body,
        enteredAt: entry.enteredAt ?? this.now().toISOString(),
        ...(entry.ifMatch !== undefined ? { ifMatch: entry.ifMatch } : {}),
        ...(entry.dependsOn !== undefined ? { dependsOn: entry.dependsOn } : {}),
      };
      const row = await this.sealRow(seq, part);
      await this.db.write('outbox', (os) => os.add(row));
      this.emitter.emit();
      this.emitter.tell('outbox');
      return this.toEntry(seq, part);
    });
  }

  /** Every entry with its sealed part; a record that does not open under this key (tampered) is left out. */
  private async rows(): Promise<{ seq: number; part: SealedPart }[]> {
    const keys = this.vault.requireKeys();
    const out: { seq: number; part: SealedPart }[] = [];
    for (const { value } of await this.db.all<OutboxRow>('outbox')) {
      const part = (await unseal(keys, `outbox:${value.seq}`, value.sealed).catch(() => null)) as SealedPart | null;
      if (part !== null) out.push({ seq: value.seq, part });
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  async list(): Promise<readonly OutboxEntry[]> {
    return (await this.rows()).map(({ seq, part }) => this.toEntry(seq, part));
  }

  async forCase(caseRef: string): Promise<readonly OutboxEntry[]> {
    return (await this.list()).filter((entry) => entry.caseRef === caseRef);
  }

  count(): Promise<number> {
    return this.db.count('outbox');
  }

  discard(id: string): Promise<readonly string[]> {
    return this.exclusive(async () => {
      const all = await this.rows();
      const target = all.find((row) => row.part.id === id);
      if (target === undefined) throw new OfflineError('not-found');
      // In flight in this tab: the server may be recording it; it is discarded (or held) once its answer is in.
      if (this.sending === id) throw new OfflineError('sending');
      const isIntake = target.part.path === INTAKE_PATH;
      const gone = all.filter((row) => row === target || (isIntake && row.part.dependsOn === id));
      await this.db.write('outbox', (os) => {
        for (const row of gone) os.delete(row.seq);
      });
      this.emitter.emit();
      this.emitter.tell('outbox');
      return gone.map((row) => row.part.id);
    });
  }

  /** A held entry goes back to pending under a new key; its seq (its place in the case's queue) stays. */
  private renew(id: string, change: (part: SealedPart) => SealedPart): Promise<OutboxEntry> {
    return this.exclusive(async () => {
      const all = await this.rows();
      const target = all.find((row) => row.part.id === id);
      if (target === undefined) throw new OfflineError('not-found');
      const { seq, part } = target;
      if (part.problem === undefined) throw new OfflineError('not-held');
      const { problem: _problem, ...rest } = change(part);
      const next: SealedPart = { ...rest, id: globalThis.crypto.randomUUID() };
      const rows = [await this.sealRow(seq, next)];
      // A queued intake under its new key: the entries waiting for its case id follow it.
      for (const row of all) {
        if (row.part.dependsOn === id) rows.push(await this.sealRow(row.seq, { ...row.part, dependsOn: next.id }));
      }
      await this.db.write('outbox', (os) => {
        for (const row of rows) os.put(row);
      });
      this.emitter.emit();
      this.emitter.tell('outbox');
      return this.toEntry(seq, next);
    });
  }

  reapply(id: string, ifMatch: number): Promise<OutboxEntry> {
    if (!Number.isInteger(ifMatch) || ifMatch < 0) return Promise.reject(new OfflineError('invalid'));
    return this.renew(id, (part) => ({ ...part, ifMatch }));
  }

  change(id: string, body: unknown, ifMatch?: number): Promise<OutboxEntry> {
    if (ifMatch !== undefined && (!Number.isInteger(ifMatch) || ifMatch < 0)) {
      return Promise.reject(new OfflineError('invalid'));
    }
    return this.renew(id, (part) => ({ ...part, body, ...(ifMatch !== undefined ? { ifMatch } : {}) }));
  }

  subscribe(listener: () => void): () => void {
    return this.emitter.subscribe(listener);
  }

  markSending(id: string | null): void {
    if (this.sending === id) return;
    this.sending = id;
    this.emitter.emit();
  }

  settle(id: string, settlement: Settlement): Promise<void> {
    return this.exclusive(async () => {
      const all = await this.rows();
      const target = all.find((row) => row.part.id === id);
      // Discarded by the person while it was in flight: nothing left to record.
      if (target === undefined) return;
      if (settlement.kind === 'held') {
        const row = await this.sealRow(target.seq, { ...target.part, problem: settlement.problem });
        await this.db.write('outbox', (os) => os.put(row));
      } else {
        const rewritten: OutboxRow[] = [];
        for (const row of all) {
          if (row.seq <= target.seq) continue;
          const next = follow(target.part, settlement.answer, row.part);
          if (next !== row.part) rewritten.push(await this.sealRow(row.seq, next));
        }
        await this.db.write('outbox', (os) => {
          os.delete(target.seq);
          for (const row of rewritten) os.put(row);
        });
      }
      this.emitter.emit();
      this.emitter.tell('outbox');
    });
  }
}

/**
 * What an entry queued behind `sent` becomes once `sent` answered 2xx (the same object when nothing changes):
 * - it depended on `sent` (a queued intake): the answer's caseId fills its path and becomes its caseRef;
 * - the chain: it is on the same case and was based on the same version as `sent` (queued offline, the person saw the
 *   case as it was before `sent`), so it is now based on the version `sent` answered. An entry based on any other
 *   version keeps it (a 412 then shows the person what changed).
 */
function follow(sent: SealedPart, answer: SentAnswer, part: SealedPart): SealedPart {
  if (part.dependsOn === sent.id && typeof answer.caseId === 'string' && answer.caseId !== '') {
    const { dependsOn: _dependsOn, ...rest } = part;
    return { ...rest, caseRef: answer.caseId, pathParams: { ...part.pathParams, caseId: answer.caseId } };
  }
  if (
    part.caseRef === sent.caseRef &&
    sent.ifMatch !== undefined &&
    part.ifMatch === sent.ifMatch &&
    part.problem === undefined &&
    Number.isInteger(answer.version)
  ) {
    return { ...part, ifMatch: answer.version };
  }
  return part;
}
