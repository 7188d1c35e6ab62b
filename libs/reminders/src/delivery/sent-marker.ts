import type { Pool } from 'pg';
import { isDatabaseUnavailable } from '@casetrack/event-store';

/** How long delivered reminders wait for the database to record them before their jobs fail (and are retried). */
const UNAVAILABLE_PATIENCE_MS = 10 * 60_000;

interface Mark {
  id: string;
  dueAt: Date;
  attempt: number;
  channels: string[];
  done: () => void;
  fail: (error: unknown) => void;
}

/**
 * Marks delivered reminders sent, many per statement: one commit (one WAL flush) for every delivery finished in the
 * same few milliseconds, instead of one each. A delivery's promise resolves only once its row says sent, so BullMQ
 * completes the job after that and never before. While PostgreSQL restarts the marks wait for it (with backoff)
 * rather than fail: a failed job is retried, and the recipient would get the message again.
 */
export class SentMarker {
  private pending: Mark[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly maxDelayMs = 5,
    private readonly maxBatch = 500,
    /** First pause before marking again while the database is unavailable; doubled up to 5 s. */
    private readonly retryBaseMs = 100,
  ) {}

  mark(id: string, dueAt: Date, attempt: number, channels: string[]): Promise<void> {
    return new Promise((done, fail) => {
      this.pending.push({ id, dueAt, attempt, channels, done, fail });
      if (this.pending.length >= this.maxBatch) this.flushSoon(0);
      else this.flushSoon(this.maxDelayMs);
    });
  }

  private flushSoon(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const batch = this.pending;
      this.pending = [];
      this.flushing = this.flushing.then(() => this.write(batch));
    }, delay);
  }

  private async write(batch: Mark[]): Promise<void> {
    if (batch.length === 0) return;
    const giveUpAt = Date.now() + UNAVAILABLE_PATIENCE_MS;
    for (let failures = 0; ; failures++) {
      try {
        await this.update(batch);
        for (const m of batch) m.done();
        return;
      } catch (error) {
        // The messages are out: failing their jobs now would send them again. While the database restarts, wait.
        if (!isDatabaseUnavailable(error) || Date.now() >= giveUpAt) {
          for (const m of batch) m.fail(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.retryBaseMs * 2 ** failures, 5_000)));
      }
    }
  }

  private async update(batch: Mark[]): Promise<void> {
    // `<> 'sent'`: a cancellation that committed while the message was on its way does not hide that it was sent.
    await this.pool.query(
      `UPDATE reminders r
          SET state = 'sent', sent_at = now(), attempts = v.attempt, delivered_channels = v.channels,
              last_error = NULL, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, due_at timestamptz, attempt int, channels text[])
        WHERE r.id = v.id AND r.due_at = v.due_at AND r.state <> 'sent'`,
      [
        JSON.stringify(
          batch.map((m) => ({ id: m.id, due_at: m.dueAt.toISOString(), attempt: m.attempt, channels: m.channels })),
        ),
      ],
    );
  }
}
