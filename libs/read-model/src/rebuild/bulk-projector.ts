import type { ClientBase, Pool, PoolClient } from 'pg';
import { type CaseState, evolve, evolveAll, foldFacts, initialCaseState } from '@casetrack/domain';
import {
  caseStreamId,
  type EventStore,
  type FeedBatch,
  inClientTransaction,
  type RecordedEvent,
  toCaseFact,
} from '@casetrack/event-store';
import type { Logger } from '@casetrack/config';
import { type CaseRowColumns, caseRowColumns, deleteCaseRows, insertCaseRows } from '../projection/bulk-rows';
import { recountCases, setCounting } from '../projection/case-counts';
import { caseRows } from '../projection/case-rows';
import { READ_MODEL_SCHEMA, quoteSchema } from '../projection/read-model-schema';
import type { CaseRows } from '../projection/views';
import { lockCheckpoint, projectedVersion, saveCheckpoint } from '../projection/write-rows';
import {
  clearQuarantine,
  isRowDataError,
  quarantineOf,
  type QuarantinedEvent,
  saveQuarantine,
} from '../projector/quarantine';
import { groupByCase } from '../projector/group-by-case';

/** What a loop over the feed drives: the live `CaseProjector` and the rebuild's `BulkProjector` alike. */
export interface FeedProjector {
  readonly checkpoint: number;
  applyBatch(batch: FeedBatch): Promise<void>;
}

export interface BulkProjectorOptions {
  /** The shadow schema to fill; never the live one. */
  schema: string;
  /** Folded cases held in memory; past it the least recently touched are written and let go. */
  capacity?: number;
  /** A case untouched for this many batches is written (and kept while there is room). */
  quietBatches?: number;
  logger?: Logger;
}

/** One case as the rebuild holds it between batches. */
interface HeldCase {
  /** Folded up to its last event that applied. */
  state: CaseState;
  /** The first event that could not be folded; the case's rows stay those of `state`. */
  quarantine: QuarantinedEvent | null;
  /** Folded past what the schema holds of it. */
  dirty: boolean;
  /** The schema may hold rows of this case already: they are deleted before its new ones go in. */
  stored: boolean;
  /** The number of the last batch that touched the case. */
  touched: number;
}

/** A case on its way to the tables; `rows` undefined: deriving them threw, the case is settled one event at a time. */
interface Outgoing {
  caseId: string;
  version: number;
  rows: CaseRows | null | undefined;
  stored: boolean;
  quarantine: QuarantinedEvent | null;
}

/** Cold cases of a batch are read from the store this many at a time. */
const LOAD_CONCURRENCY = 16;

/**
 * Folding or deriving this many cases gives the event loop a turn: the write in flight and the read ahead then
 * move on between slices instead of waiting for a whole batch, and so does a live projector in the same process.
 */
const YIELD_EVERY = 256;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The rebuild's projector: the same fold, the same rows and the same quarantine rules as `CaseProjector`, written
 * behind. The live projector derives and replaces every touched case's rows in every batch; a rebuild reads the
 * whole feed at once, where a case's events come within a few consecutive batches, so this one keeps the folded
 * cases in memory and writes each once no batch has touched it for `quietBatches` batches, or at `finish`: about
 * once per case, as plain multi-row `INSERT`s into the fresh tables. Past `capacity` cases the least recently
 * touched are let go (a case met again is folded from its stream, and its rows replaced). A write goes on in
 * PostgreSQL while the next batches are folded here, one write at a time, so a case written again is always
 * written after its earlier rows.
 *
 * The shadow tables are therefore not at a batch boundary until `finish`, which writes what is still held and the
 * checkpoint in one transaction. Nobody reads them before the swap, and a rebuild that dies starts over on a new
 * schema, so nothing depends on the batches in between.
 */
export class BulkProjector implements FeedProjector {
  readonly schema: string;
  private readonly held = new Map<string, HeldCase>();
  private readonly capacity: number;
  private readonly quietBatches: number;
  private position = 0;
  private batches = 0;
  /** The write in flight (at most one), already guarded against an unhandled rejection; awaiting it rethrows. */
  private writing: Promise<void> = Promise.resolve();
  private client: PoolClient | null = null;
  /** The shadow's columns, read with the writer's connection. */
  private columns: CaseRowColumns | null = null;
  /**
   * The statistics' counts (case-counts.ts) are paused while the tables fill and counted once, by the first `finish`;
   * from then on the triggers count every write, as they count the live projector's.
   */
  private counted = false;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly options: BulkProjectorOptions,
  ) {
    if (options.schema === READ_MODEL_SCHEMA) throw new RangeError('A bulk projection never writes the live schema');
    this.schema = options.schema;
    quoteSchema(this.schema);
    this.capacity = options.capacity ?? 20_000;
    this.quietBatches = options.quietBatches ?? 2;
  }

  /** The checkpoint of the last batch folded; the tables hold it once `finish` has run. */
  get checkpoint(): number {
    return this.position;
  }

  async applyBatch(batch: FeedBatch): Promise<void> {
    this.batches++;
    const byCase = groupByCase(batch.events);
    const before = await this.heldBefore(byCase);
    let folded = 0;
    for (const [caseId, events] of byCase) {
      const held = before.get(caseId) as HeldCase;
      if (held.quarantine === null) fold(caseId, held, events);
      if (++folded % YIELD_EVERY === 0) await turn();
    }
    await this.refoldSurvivorsOfErased(byCase);
    this.position = batch.checkpoint;
    await this.writeQuiet();
  }

  /**
   * Writes every case still held and the checkpoint, in one transaction: the tables are then at `checkpoint`. The
   * first time, the statistics' counts are then counted from the whole table at once, and kept from then on, unless
   * `count` is false: the caller then runs `countOnce` itself (the rebuild runs it beside its index builds).
   */
  async finish(options: { count?: boolean } = {}): Promise<void> {
    const dirty = [...this.held].filter(([, held]) => held.dirty);
    const outgoing = dirty.map(([caseId, held]) => this.outgoing(caseId, held));
    await this.writing;
    await this.write(outgoing, this.position);
    this.forgetTroubled(outgoing);
    if (!this.counted && options.count !== false) await this.countOnce(await this.writer());
  }

  /**
   * Counts the statistics from the whole `cases` table and turns the triggers back on, so that every later write is
   * counted as the live projector's are. On any connection (the triggers are the table's, not the session's), while
   * nothing writes the shadow: after `finish`, before the next batch.
   */
  async countOnce(client: ClientBase): Promise<void> {
    if (this.counted) return;
    await recountCases(client, this.schema);
    await setCounting(client, this.schema, true);
    this.counted = true;
  }

  /**
   * Each case of the batch as it stood before the batch: held, or folded from its stream (then it may have rows
   * already). A case quarantined earlier is folded from its stream again, as the live projector does: if that
   * works now, it goes on from there; if not, its events are skipped and it stays at its first failing event.
   */
  private async heldBefore(byCase: Map<string, RecordedEvent[]>): Promise<Map<string, HeldCase>> {
    const result = new Map<string, HeldCase>();
    const cold: Array<[string, number]> = [];
    for (const [caseId, events] of byCase) {
      const version = events[0].version;
      const held = this.held.get(caseId);
      if (held !== undefined && held.quarantine === null && held.state.version === version - 1) {
        this.touch(caseId, held);
        result.set(caseId, held);
      } else if (held === undefined && version <= 1) {
        const fresh = { state: initialCaseState, quarantine: null, dirty: false, stored: false, touched: 0 };
        this.touch(caseId, fresh);
        result.set(caseId, fresh);
      } else {
        cold.push([caseId, version]);
      }
    }
    for (let i = 0; i < cold.length; i += LOAD_CONCURRENCY) {
      await Promise.all(
        cold.slice(i, i + LOAD_CONCURRENCY).map(async ([caseId, version]) => {
          const loaded = await this.load(caseId, version, byCase.get(caseId) as RecordedEvent[], this.held.get(caseId));
          this.touch(caseId, loaded);
          result.set(caseId, loaded);
        }),
      );
    }
    return result;
  }

  /**
   * Folds a case from its stream up to `version` (exclusive). When that throws, the case was quarantined at an
   * earlier event: what is held of it (its last good state, maybe not written yet) stays, and its events are skipped.
   */
  private async load(
    caseId: string,
    version: number,
    events: readonly RecordedEvent[],
    previous: HeldCase | undefined,
  ): Promise<HeldCase> {
    const earlier = await this.store.readStream(caseStreamId(caseId), { toVersion: version - 1 });
    try {
      return { state: foldFacts(earlier.map(toCaseFact)), quarantine: null, dirty: false, stored: true, touched: 0 };
    } catch {
      // The table keeps the first failing event of a case (see `saveQuarantine`), so this one only fills a gap.
      const quarantine = quarantineOf(caseId, events[0], 'an earlier event of the case cannot be folded');
      if (previous === undefined)
        return { state: initialCaseState, quarantine, dirty: false, stored: true, touched: 0 };
      if (previous.quarantine === null) {
        previous.quarantine = quarantine;
        previous.dirty = true;
      }
      return previous;
    }
  }

  /**
   * Erasing a merged duplicate destroys the key that sealed the spellings its survivor took from it; a survivor
   * folded before the erasure still holds them, so it is folded again from its stream, as the live projector does.
   */
  private async refoldSurvivorsOfErased(byCase: Map<string, RecordedEvent[]>): Promise<void> {
    for (const [caseId, events] of byCase) {
      const state = this.held.get(caseId)?.state;
      const survivor = state?.erased ? state.mergedInto : null;
      if (!survivor || !events.some((event) => event.type === 'CaseErased')) continue;
      const held = this.held.get(survivor);
      if (held?.quarantine) continue;
      const toVersion = held?.state.version ?? (await this.writtenVersion(survivor));
      if (!toVersion) continue;
      try {
        const stream = await this.store.readStream(caseStreamId(survivor), { toVersion });
        const refolded = foldFacts(stream.map(toCaseFact));
        this.touch(survivor, {
          state: refolded,
          quarantine: null,
          dirty: true,
          stored: held?.stored ?? true,
          touched: 0,
        });
      } catch (error) {
        this.options.logger?.warn(
          { schema: this.schema, caseId: survivor, err: error instanceof Error ? error.name : typeof error },
          'rebuild could not fold the survivor of an erased duplicate again',
        );
      }
    }
  }

  /** The version a case's rows were written at, once the write in flight is done; null without rows. */
  private async writtenVersion(caseId: string): Promise<number | null> {
    await this.writing;
    return projectedVersion(this.pool, this.schema, caseId);
  }

  /**
   * Writes the cases no batch has touched for a while (a case's events come close together in the feed, so it is
   * most likely complete), and lets go of the oldest while more than `capacity` are held. Their rows are derived
   * here while the previous write is still in PostgreSQL; then this write starts and the fold goes on.
   */
  private async writeQuiet(): Promise<void> {
    const quiet: Array<[string, HeldCase]> = [];
    let excess = this.held.size - this.capacity;
    for (const entry of this.held) {
      if (entry[1].touched > this.batches - this.quietBatches && excess <= 0) break;
      quiet.push(entry);
      excess--;
    }
    const outgoing: Outgoing[] = [];
    for (const [caseId, held] of quiet) {
      if (!held.dirty) continue;
      outgoing.push(this.outgoing(caseId, held));
      if (outgoing.length % YIELD_EVERY === 0) await turn();
    }
    for (let i = 0; i < quiet.length && this.held.size > this.capacity; i++) this.held.delete(quiet[i][0]);
    if (outgoing.length === 0) return;
    await this.writing;
    const writing = this.write(outgoing, null);
    writing.catch(() => undefined);
    this.writing = writing;
  }

  private outgoing(caseId: string, held: HeldCase): Outgoing {
    let rows: CaseRows | null | undefined;
    try {
      rows = caseRows(caseId, held.state);
    } catch {
      rows = undefined;
    }
    const out = { caseId, version: held.state.version, rows, stored: held.stored, quarantine: held.quarantine };
    held.dirty = false;
    held.stored = true;
    return out;
  }

  /** A case settled one event at a time may stand elsewhere than its held state: it is folded again when met. */
  private forgetTroubled(outgoing: readonly Outgoing[]): void {
    for (const out of outgoing) if (out.rows === undefined) this.held.delete(out.caseId);
  }

  /**
   * Writes the cases on the projector's own connection, in one transaction: rows to replace deleted, the new ones
   * inserted with one `COPY` per table (bulk-rows.ts), quarantine and the checkpoint beside them; when PostgreSQL
   * refuses a case's rows, again case by case under savepoints.
   */
  private async write(outgoing: readonly Outgoing[], checkpoint: number | null): Promise<void> {
    if (outgoing.length === 0 && checkpoint === null) return;
    const client = await this.writer();
    let quarantined: QuarantinedEvent[];
    try {
      quarantined = await this.transaction(client, outgoing, checkpoint, () => this.writeBulk(client, outgoing));
    } catch (error) {
      if (!isRowDataError(error)) throw error;
      quarantined = await this.transaction(client, outgoing, checkpoint, () => this.writeOneByOne(client, outgoing));
    }
    for (const entry of quarantined) {
      this.options.logger?.error({ schema: this.schema, ...entry }, 'rebuild quarantined an event it cannot apply');
    }
  }

  private async columnsOf(client: PoolClient): Promise<CaseRowColumns> {
    this.columns ??= await caseRowColumns(client, this.schema);
    return this.columns;
  }

  private async transaction(
    client: PoolClient,
    outgoing: readonly Outgoing[],
    checkpoint: number | null,
    work: () => Promise<QuarantinedEvent[]>,
  ): Promise<QuarantinedEvent[]> {
    return inClientTransaction(client, async () => {
      if (checkpoint !== null) {
        // The checkpoint's commit waits for the disk, and with it everything this connection committed before.
        await client.query('SET LOCAL synchronous_commit = on');
        await lockCheckpoint(client, this.schema);
      }
      const quarantined = await work();
      await saveQuarantine(client, this.schema, quarantined);
      const cleared = outgoing.filter((o) => o.stored && !quarantined.some((q) => q.caseId === o.caseId));
      await clearQuarantine(
        client,
        this.schema,
        cleared.map((o) => o.caseId),
      );
      if (checkpoint !== null) await saveCheckpoint(client, this.schema, checkpoint);
      return quarantined;
    });
  }

  /**
   * The connection every write goes through, held until `close`: writes are one at a time anyway. Its commits do not
   * wait for the disk (the shadow is only trusted once the checkpoint committed, and that commit covers them all).
   */
  private async writer(): Promise<PoolClient> {
    if (this.client === null) {
      const client = await this.pool.connect();
      try {
        await client.query('SET synchronous_commit = off');
        // Counted at once by the first `finish`, rather than statement by statement by the triggers.
        if (!this.counted) await setCounting(client, this.schema, false);
      } catch (error) {
        client.release(true);
        throw error;
      }
      this.client = client;
    }
    return this.client;
  }

  /** Gives the write connection back (after the write in flight); the projector may write again after it. */
  async close(): Promise<void> {
    await this.writing.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (client === null) return;
    try {
      await client.query('RESET synchronous_commit');
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }

  private async writeBulk(client: PoolClient, outgoing: readonly Outgoing[]): Promise<QuarantinedEvent[]> {
    const derived = outgoing.filter((o) => o.rows !== undefined);
    await deleteCaseRows(
      client,
      this.schema,
      derived.filter((o) => o.stored).map((o) => o.caseId),
    );
    await insertCaseRows(
      client,
      this.schema,
      await this.columnsOf(client),
      derived.flatMap((o) => (o.rows ? [o.rows] : [])),
    );
    const quarantined = derived.flatMap((o) => (o.quarantine ? [o.quarantine] : []));
    for (const o of outgoing) {
      if (o.rows !== undefined) continue;
      const failed = (await this.settle(client, o.caseId, o.version)) ?? o.quarantine;
      if (failed) quarantined.push(failed);
    }
    return quarantined;
  }

  private async writeOneByOne(client: PoolClient, outgoing: readonly Outgoing[]): Promise<QuarantinedEvent[]> {
    const quarantined: QuarantinedEvent[] = [];
    for (const o of outgoing) {
      const written = o.rows !== undefined && (await this.tryReplace(client, o.caseId, o.rows)) === null;
      const failed = written ? o.quarantine : ((await this.settle(client, o.caseId, o.version)) ?? o.quarantine);
      if (failed) quarantined.push(failed);
      // Its rows now stand where settling left them, which may be before its held state.
      if (!written) o.rows = undefined;
    }
    return quarantined;
  }

  /**
   * The slow path of a case whose rows cannot be derived or stored: its stream is applied one event at a time up to
   * `version`, each step's rows written under a savepoint, as the live projector walks a failing case. Returns the
   * first event that could not be folded, derived or stored (its rows stay those of the event before), else null.
   */
  private async settle(client: PoolClient, caseId: string, version: number): Promise<QuarantinedEvent | null> {
    const events = await this.store.readStream(caseStreamId(caseId), { toVersion: version });
    await deleteCaseRows(client, this.schema, [caseId]);
    let state = initialCaseState;
    for (const event of events) {
      let rows: CaseRows | null;
      try {
        state = evolve(state, toCaseFact(event));
        rows = caseRows(caseId, state);
      } catch (error) {
        return quarantineOf(caseId, event, error);
      }
      const failure = await this.tryReplace(client, caseId, rows);
      if (failure !== null) return quarantineOf(caseId, event, failure);
    }
    return null;
  }

  /** One case's rows replaced under a savepoint: null when written, else the row-data error that was rolled back. */
  private async tryReplace(client: PoolClient, caseId: string, rows: CaseRows | null): Promise<unknown> {
    await client.query('SAVEPOINT case_rows');
    try {
      await deleteCaseRows(client, this.schema, [caseId]);
      if (rows) await insertCaseRows(client, this.schema, await this.columnsOf(client), [rows]);
      await client.query('RELEASE SAVEPOINT case_rows');
      return null;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT case_rows');
      if (!isRowDataError(error)) throw error;
      return error;
    }
  }

  /** Most recently touched last: `writeQuiet` takes from the front. */
  private touch(caseId: string, held: HeldCase): void {
    held.touched = this.batches;
    this.held.delete(caseId);
    this.held.set(caseId, held);
  }
}

/**
 * Folds a batch's events into a held case, as the live projector does: in one pass when the case is met from its
 * start, else event by event; when that throws, again one event at a time, stopping at the first that fails.
 */
function fold(caseId: string, held: HeldCase, events: readonly RecordedEvent[]): void {
  held.dirty = true;
  try {
    const facts = events.map(toCaseFact);
    // evolveAll is `facts.reduce(evolve, state)` on one draft: the held case is copied once per batch, not per event.
    held.state = held.state.version === 0 ? foldFacts(facts) : evolveAll(held.state, facts);
    return;
  } catch {
    // Walked below.
  }
  let state = held.state;
  for (const event of events) {
    try {
      state = evolve(state, toCaseFact(event));
    } catch (error) {
      held.quarantine = quarantineOf(caseId, event, error);
      break;
    }
  }
  held.state = state;
}
