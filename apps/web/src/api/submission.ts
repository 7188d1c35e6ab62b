/**
 * The Idempotency-Key of one form submission. The same body sent again (a double click, a retry after a lost answer)
 * reuses the key, so the API records it once and replays its first answer; a changed body is a new submission with a
 * new key (the API refuses a key reused with another body); after a success the next submission starts afresh.
 */
export class Submission {
  private current: { readonly key: string; readonly body: string } | null = null;

  constructor(private readonly makeKey: () => string = () => crypto.randomUUID()) {}

  keyFor(body: unknown): string {
    const serialised = JSON.stringify(body ?? null);
    if (this.current === null || this.current.body !== serialised) {
      this.current = { key: this.makeKey(), body: serialised };
    }
    return this.current.key;
  }

  /** The write was recorded: whatever is sent next is a new submission. */
  done(): void {
    this.current = null;
  }
}
