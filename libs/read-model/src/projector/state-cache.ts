import type { CaseState } from '@casetrack/domain';

/**
 * The folded state of recently projected cases, so that a batch need not re-read and re-fold each case's stream.
 * Least recently used entries go first. An entry is only trusted for the exact version it was folded to.
 */
export class StateCache {
  private readonly entries = new Map<string, CaseState>();

  constructor(private readonly capacity: number) {}

  get(caseId: string): CaseState | undefined {
    const state = this.entries.get(caseId);
    if (state !== undefined) {
      this.entries.delete(caseId);
      this.entries.set(caseId, state);
    }
    return state;
  }

  set(caseId: string, state: CaseState): void {
    this.entries.delete(caseId);
    this.entries.set(caseId, state);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  evict(caseIds: Iterable<string>): void {
    for (const caseId of caseIds) this.entries.delete(caseId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
