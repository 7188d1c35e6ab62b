import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** At most this many failed sign-ins per account within the window; then 429 until the oldest one ages out. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Counts failed sign-ins per email, whether or not an account has that email, so the limit itself
 * does not reveal which accounts exist. The email is stored only as a hash.
 */
@Injectable()
export class LoginLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  async retryAfterSeconds(email: string, now = new Date()): Promise<number> {
    const since = new Date(now.getTime() - LOGIN_FAILURE_WINDOW_MS);
    const rows: Array<{ failures: string; oldest: Date | null }> = await this.dataSource.query(
      `SELECT count(*) AS failures, min(failed_at) AS oldest FROM login_failures WHERE account_key = $1 AND failed_at > $2`,
      [accountKey(email), since],
    );
    const { failures, oldest } = rows[0];
    if (Number(failures) < MAX_LOGIN_FAILURES || !oldest) return 0;
    return Math.max(1, Math.ceil((oldest.getTime() + LOGIN_FAILURE_WINDOW_MS - now.getTime()) / 1000));
  }

  async recordFailure(email: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failures (account_key) VALUES ($1)`, [accountKey(email)]);
  }

  async reset(email: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_failures WHERE account_key = $1 OR failed_at < now() - interval '1 day'`,
      [accountKey(email)],
    );
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
