import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@casetrack/config';
import type { Locale } from '@casetrack/i18n';
import type { ActorRole } from '@casetrack/domain';

/** The secret in a feed's URL: 32 random bytes, base64url (43 characters). */
export const FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Whose feed a secret opens, as the feed needs them. */
export interface FeedOwner {
  id: string;
  role: ActorRole;
  locale: Locale;
  /** The account's zone: the day of a hearing known to the day only. */
  timeZone: string;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Each user's secret calendar URL. Only its SHA-256 is stored, so the URL is shown once, when made; making a new one
 * replaces the old (one row per user), and revoking deletes the row, so the old URL answers 404 from then on. The
 * account is checked at each read: a disabled account's feed answers 404 at once.
 */
@Injectable()
export class CalendarFeeds {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new secret URL for the user, replacing any earlier one. */
  async create(userId: string): Promise<{ url: string }> {
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, secret_hash, created_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_at = EXCLUDED.created_at`,
      [userId, digest(secret)],
    );
    return { url: `${this.config.delivery.publicUrl}/v1/calendar/${secret}.ics` };
  }

  async revoke(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM calendar_feeds WHERE user_id = $1`, [userId]);
  }

  /** The active user whose feed this secret opens, or null. */
  async ownerOf(secret: string): Promise<FeedOwner | null> {
    if (!FEED_SECRET.test(secret)) return null;
    const rows: FeedOwner[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.locale, u.time_zone AS "timeZone" FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.secret_hash = $1 AND u.disabled_at IS NULL`,
      [digest(secret)],
    );
    return rows[0] ?? null;
  }
}
