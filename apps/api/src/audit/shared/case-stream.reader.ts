import { Inject, Injectable } from '@nestjs/common';
import { type AuthenticatedUser, canSeeCase } from '@casetrack/auth';
import { type CaseFact, type CaseState, foldFacts, readableConsents, withholdTestimony } from '@casetrack/domain';
import {
  CaseCipher,
  caseStreamId,
  type EventStore,
  isDatabaseUnavailable,
  type RecordedEvent,
  STORED_EVENT_STORE,
  toCaseFact,
} from '@casetrack/event-store';
import { ApiException } from '../../common/api-exception';

/** A case stream the reader may see: the stored events, and the facts the domain folds. */
export interface VisibleCaseStream {
  caseId: string;
  /** The events as stored (sensitive fields sealed): what the hash chain covers. */
  stored: RecordedEvent[];
  /**
   * The same events as this reader may read them: sensitive fields opened (or erased), and testimony the reader's
   * role may not read withheld (see `withholdTestimony`). No opened event leaves this reader otherwise.
   */
  facts: readonly CaseFact[];
  /** The facts folded, once: the access check of a lawyer and a history share it. */
  state(): CaseState;
}

/**
 * Reads a case's stream for an auditing read (timeline, history, verify, dossier): these are about the stream
 * itself, so they read the event store and never a read model. Who may see the case is decided from the lawyers the
 * whole stream assigns today, whatever instant the read is about.
 */
@Injectable()
export class CaseStreamReader {
  constructor(
    @Inject(STORED_EVENT_STORE) private readonly stored: EventStore,
    private readonly cipher: CaseCipher,
  ) {}

  async read(caseId: string, reader: AuthenticatedUser): Promise<VisibleCaseStream> {
    const stored = await this.stored.readStream(caseStreamId(caseId));
    // A case the reader may not see answers exactly like one that does not exist.
    if (stored.length === 0) throw notFound();
    const opened = (await this.cipher.open(stored)).map(toCaseFact);
    const facts = withholdTestimony(opened, readableConsents(reader.role));
    let folded: CaseState | undefined;
    const state = (): CaseState => (folded ??= foldFacts(facts));
    if (reader.role === 'lawyer') {
      if (!canSeeCase(reader.role, reader.id, Object.keys(state().lawyers))) throw notFound();
    } else if (!canSeeCase(reader.role, reader.id, [])) {
      throw notFound();
    }
    return { caseId, stored, facts, state };
  }

  /**
   * The stored events only, for verification: a tampered row may no longer be a fact the domain can read, and the
   * verification must still answer. A lawyer's access is decided from the facts when they can be read at all.
   */
  async readStored(caseId: string, reader: AuthenticatedUser): Promise<RecordedEvent[]> {
    // The chain covers the stored (sealed) form, so verification must not see decrypted data.
    const events = await this.stored.readStream(caseStreamId(caseId));
    if (events.length === 0) throw notFound();
    if (reader.role !== 'lawyer') {
      if (!canSeeCase(reader.role, reader.id, [])) throw notFound();
      return events;
    }
    let lawyers: string[];
    try {
      lawyers = Object.keys(foldFacts((await this.cipher.open(events)).map(toCaseFact)).lawyers);
    } catch (error) {
      // The keys live in the database: its absence is a 503 to retry, not a case this lawyer may not see.
      if (isDatabaseUnavailable(error)) throw error;
      lawyers = [];
    }
    if (!canSeeCase(reader.role, reader.id, lawyers)) throw notFound();
    return events;
  }
}

function notFound(): ApiException {
  return ApiException.notFound('No such case');
}
