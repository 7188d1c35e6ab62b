import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import { open, seal } from '@casetrack/event-store';
import { LoginLimiter } from '../login-limiter';
import { TokensService } from '../tokens.service';
import { recordAccountAudit } from './account-audit';
import { base32Encode } from './base32';
import { newRecoveryCodes, readSecondFactor, recoveryCodeDigest } from './recovery-codes';
import { matchingSteps, otpauthUrl } from './totp';

/** The name authenticator apps show beside the account. */
const ISSUER = 'casetrack';
/** 160 bits, the length RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;

export type EnrolOutcome = { kind: 'started'; secret: string; otpauthUrl: string } | { kind: 'already-enabled' };
export type ConfirmOutcome =
  | { kind: 'enabled'; recoveryCodes: string[] }
  | { kind: 'not-started' }
  | { kind: 'already-enabled' }
  | { kind: 'wrong-code' };
export type CodeCheck = 'accepted' | 'wrong';
export type DisableOutcome =
  | { kind: 'disabled' }
  | { kind: 'not-enabled' }
  | { kind: 'wrong-code' }
  | { kind: 'throttled'; retryAfterSeconds: number };

interface StoredFactor {
  sealed_secret: Buffer;
  confirmed_at: Date | null;
  last_used_step: string | null;
}

/**
 * Two-factor sign-in with TOTP (RFC 6238) and recovery codes. The secret is sealed with MASTER_KEY (AES-256-GCM,
 * bound to its user) like every other secret at rest; recovery codes are kept as digests and work once; a code is
 * never accepted twice (each accepted TOTP step is remembered). Removing a second factor ends every session.
 */
@Injectable()
export class SecondFactorService {
  private readonly masterKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.masterKey = config.masterKey;
  }

  /** Whether the user has a confirmed second factor (a pending enrolment does not count). */
  async isEnabled(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Starts (or restarts) an enrolment with a fresh secret; the second factor is on once a code confirms it. */
  async enrol(user: { id: string; email: string }): Promise<EnrolOutcome> {
    const secret = randomBytes(SECRET_BYTES);
    const started = await affected(
      this.dataSource.manager,
      `INSERT INTO second_factors (user_id, sealed_secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET sealed_secret = excluded.sealed_secret, last_used_step = NULL,
         created_at = now()
       WHERE second_factors.confirmed_at IS NULL
       RETURNING 1`,
      [user.id, this.seal(user.id, secret)],
    );
    if (started === 0) return { kind: 'already-enabled' };
    const base32 = base32Encode(secret);
    return { kind: 'started', secret: base32, otpauthUrl: otpauthUrl(ISSUER, user.email, base32) };
  }

  /**
   * Turns the second factor on with a first code from the app, hands out fresh recovery codes, and ends the user's
   * other sessions (they were opened with the password alone); `currentToken` stays valid.
   */
  async confirm(
    userId: string,
    code: string,
    currentToken: string | undefined,
    now = new Date(),
  ): Promise<ConfirmOutcome> {
    const stored = await this.find(userId);
    if (!stored) return { kind: 'not-started' };
    if (stored.confirmed_at) return { kind: 'already-enabled' };
    const input = readSecondFactor(code);
    if (input.kind !== 'totp') return { kind: 'wrong-code' };
    const [step] = matchingSteps(this.open(userId, stored.sealed_secret), input.code, now);
    if (step === undefined) return { kind: 'wrong-code' };

    const recoveryCodes = newRecoveryCodes();
    const confirmed = await this.dataSource.transaction(async (manager) => {
      // Only the secret this code was checked against: a restarted enrolment in between makes the code stale.
      const updated = await affected(
        manager,
        `UPDATE second_factors SET confirmed_at = $3, last_used_step = $4
         WHERE user_id = $1 AND sealed_secret = $2 AND confirmed_at IS NULL RETURNING 1`,
        [userId, stored.sealed_secret, now, step],
      );
      if (updated === 0) return false;
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
      await manager.query(`INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`, [
        userId,
        recoveryCodes.map((recovery) => recoveryCodeDigest(readableRecoveryCode(recovery))),
      ]);
      await recordAccountAudit(manager, { actorId: userId, subjectId: userId, action: 'second_factor_enabled' });
      await this.tokens.revokeAllOf(userId, { except: currentToken, manager });
      return true;
    });
    return confirmed ? { kind: 'enabled', recoveryCodes } : { kind: 'wrong-code' };
  }

  /**
   * Checks a second factor given at sign-in (or to switch it off): a TOTP code of a step not used before, or an
   * unused recovery code, which is used up (and recorded) by this check.
   */
  async check(userId: string, code: string, now = new Date()): Promise<CodeCheck> {
    const input = readSecondFactor(code);
    if (input.kind === 'invalid') return 'wrong';
    if (input.kind === 'recovery') {
      return this.dataSource.transaction(async (manager) => {
        const used = await affected(
          manager,
          `UPDATE recovery_codes SET used_at = $3
           WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
             AND EXISTS (SELECT 1 FROM second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL)
           RETURNING 1`,
          [userId, recoveryCodeDigest(input.code), now],
        );
        if (used === 0) return 'wrong';
        await recordAccountAudit(manager, { actorId: userId, subjectId: userId, action: 'recovery_code_used' });
        return 'accepted';
      });
    }
    const stored = await this.find(userId);
    if (!stored?.confirmed_at) return 'wrong';
    const lastUsed = stored.last_used_step === null ? -Infinity : Number(stored.last_used_step);
    const [step] = matchingSteps(this.open(userId, stored.sealed_secret), input.code, now).filter(
      (candidate) => candidate > lastUsed,
    );
    if (step === undefined) return 'wrong';
    // Two sign-ins racing with one code: only one moves the step forward.
    const accepted = await affected(
      this.dataSource.manager,
      `UPDATE second_factors SET last_used_step = $2
       WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
       RETURNING 1`,
      [userId, step],
    );
    return accepted === 1 ? 'accepted' : 'wrong';
  }

  /**
   * The user switches their second factor off, proving it with a code (or a recovery code). A wrong code counts as a
   * failed sign-in from that address, so a stolen session cannot be used to guess its way past the second factor.
   */
  async disable(
    user: { id: string; email: string },
    code: string,
    clientAddress: string | undefined,
  ): Promise<DisableOutcome> {
    const attempt = { email: user.email, clientAddress };
    const wait = await this.limiter.retryAfterSeconds(attempt);
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
    if (!(await this.isEnabled(user.id))) return { kind: 'not-enabled' };
    if ((await this.check(user.id, code)) !== 'accepted') {
      await this.limiter.recordFailure(attempt);
      return { kind: 'wrong-code' };
    }
    await this.remove(user.id, user.id);
    return { kind: 'disabled' };
  }

  /**
   * Removes the user's second factor and recovery codes, records who did it, and ends every session of the user.
   * `actorId` is the user themselves (switching it off with a code) or an admin (a reset).
   */
  async remove(userId: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM second_factors WHERE user_id = $1`, [userId]);
      await recordAccountAudit(manager, {
        actorId,
        subjectId: userId,
        action: actorId === userId ? 'second_factor_disabled' : 'second_factor_reset',
      });
      await this.tokens.revokeAllOf(userId, { manager });
    });
  }

  private async find(userId: string): Promise<StoredFactor | null> {
    const rows: StoredFactor[] = await this.dataSource.query(
      `SELECT sealed_secret, confirmed_at, last_used_step FROM second_factors WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  private seal(userId: string, secret: Buffer): Buffer {
    return seal(this.masterKey, secret, placeOf(userId));
  }

  private open(userId: string, sealed: Buffer): Buffer {
    return open(this.masterKey, sealed, placeOf(userId));
  }
}

/** Binds a sealed secret to its user: copied to another user's row, it does not open. */
function placeOf(userId: string): string {
  return `second-factor/${userId}`;
}

function readableRecoveryCode(code: string): string {
  const input = readSecondFactor(code);
  if (input.kind !== 'recovery') throw new Error('A generated recovery code does not read as one');
  return input.code;
}

/** Rows a data-changing statement (ending in RETURNING) touched. */
async function affected(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const rows: Array<{ n: number }> = await manager.query(
    `WITH changed AS (${sql}) SELECT count(*)::int AS n FROM changed`,
    parameters,
  );
  return rows[0].n;
}
