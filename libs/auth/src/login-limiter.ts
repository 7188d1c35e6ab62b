import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hkdfSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { throttleAddress } from './client-address';
import {
  ACCOUNT_WINDOW_MS,
  DEFAULT_THROTTLE,
  FAILURE_MEMORY_MS,
  KNOWN_ADDRESS_MS,
  retryAfterSeconds,
  type ThrottleSettings,
  type ThrottleState,
} from './login-throttle';

/** One sign-in attempt as the throttle sees it: which account (by email, known or not) from which client address. */
export interface SignInAttempt {
  email: string;
  /** Express's `request.ip`. */
  clientAddress: string | undefined;
}

interface Keys {
  account: string;
  address: string;
}

/**
 * Keeps the sign-in throttle's counts in PostgreSQL (shared by every API instance) and applies `login-throttle.ts`.
 * Emails and addresses are stored only as HMACs under a key derived from MASTER_KEY.
 */
@Injectable()
export class LoginLimiter {
  private readonly digestKey: Buffer;
  private readonly settings: ThrottleSettings;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.digestKey = Buffer.from(
      hkdfSync('sha256', config.masterKey, Buffer.alloc(0), 'casetrack sign-in throttle', 32),
    );
    this.settings = { ...DEFAULT_THROTTLE, accountFailuresPerHour: config.signIn.accountFailuresPerHour };
  }

  /** Seconds until this attempt may be made, or 0 when it may be made now. */
  async retryAfterSeconds(attempt: SignInAttempt, now = new Date()): Promise<number> {
    return retryAfterSeconds(await this.stateOf(this.keysOf(attempt), now), now, this.settings);
  }

  async recordFailure(attempt: SignInAttempt, at = new Date()): Promise<void> {
    const keys = this.keysOf(attempt);
    await this.dataSource.query(
      `INSERT INTO login_failures (account_key, address_key, failed_at) VALUES ($1, $2, $3)`,
      [keys.account, keys.address, at],
    );
  }

  /** A full sign-in succeeded: this address starts afresh and is known to the account from now on. */
  async recordSuccess(attempt: SignInAttempt, at = new Date()): Promise<void> {
    const keys = this.keysOf(attempt);
    await this.dataSource.query(
      `DELETE FROM login_failures WHERE (account_key = $1 AND address_key = $2) OR failed_at < $3`,
      [keys.account, keys.address, new Date(at.getTime() - FAILURE_MEMORY_MS)],
    );
    await this.dataSource.query(
      `INSERT INTO login_known_addresses (account_key, address_key, last_success_at) VALUES ($1, $2, $3)
       ON CONFLICT (account_key, address_key) DO UPDATE SET last_success_at = greatest(login_known_addresses.last_success_at, $3)`,
      [keys.account, keys.address, at],
    );
  }

  private async stateOf(keys: Keys, now: Date): Promise<ThrottleState> {
    const rows: Array<{ failures: number; last: Date | null; known: boolean; bound: Date | null }> =
      await this.dataSource.query(
        `SELECT
           (SELECT count(*)::int FROM login_failures
             WHERE account_key = $1 AND address_key = $2 AND failed_at > $3) AS failures,
           (SELECT max(failed_at) FROM login_failures
             WHERE account_key = $1 AND address_key = $2 AND failed_at > $3) AS last,
           EXISTS (SELECT 1 FROM login_known_addresses
             WHERE account_key = $1 AND address_key = $2 AND last_success_at > $4) AS known,
           (SELECT failed_at FROM login_failures WHERE account_key = $1 AND failed_at > $5
             ORDER BY failed_at DESC OFFSET $6::int - 1 LIMIT 1) AS bound`,
        [
          keys.account,
          keys.address,
          new Date(now.getTime() - FAILURE_MEMORY_MS),
          new Date(now.getTime() - KNOWN_ADDRESS_MS),
          new Date(now.getTime() - ACCOUNT_WINDOW_MS),
          this.settings.accountFailuresPerHour,
        ],
      );
    const row = rows[0];
    return {
      addressFailures: row.failures,
      lastAddressFailureAt: row.last,
      knownAddress: row.known,
      accountBoundFailureAt: row.bound,
    };
  }

  private keysOf(attempt: SignInAttempt): Keys {
    return {
      account: this.digest('account', attempt.email.trim().toLowerCase()),
      address: this.digest('address', throttleAddress(attempt.clientAddress)),
    };
  }

  private digest(kind: string, value: string): string {
    return createHmac('sha256', this.digestKey).update(`${kind}:${value}`).digest('hex');
  }
}
