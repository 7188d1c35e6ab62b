export interface StreamHead {
  version: number;
  hash: string;
}

/**
 * Bounded LRU of stream heads (streamId -> latest known {version, hash}) so that an append can chain its hash
 * without reading the previous event first. Rows are immutable, so a cached pair is always true *for its version*;
 * it may only be behind the stream, which the append statement detects (unique violation or zero rows).
 * Only committed facts go in: heads this process appended outside a caller's transaction, or read.
 */
export class HeadCache {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamHead | undefined {
    const head = this.heads.get(streamId);
    if (head) {
      // Re-insert to mark it most recently used (a Map iterates in insertion order).
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Keeps the higher version: a reader may hand us an older head than the one we already know. */
  remember(streamId: string, head: StreamHead): void {
    if (this.capacity <= 0) return;
    const known = this.heads.get(streamId);
    if (known && known.version >= head.version) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }

  get size(): number {
    return this.heads.size;
  }
}
