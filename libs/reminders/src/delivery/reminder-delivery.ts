import type { Pool } from 'pg';
import { revokedAfter } from '@casetrack/auth';
import type { Logger } from '@casetrack/config';
import type { ReminderKind, ReminderPayload, ReminderState } from '../rules/reminder-types';
import type { OutgoingReminder, Recipient, ReminderChannel } from './channels';
import { DeliveryError, errorCode } from './delivery-error';
import { composeMessage, detaineeLabel, type ReminderDetail } from './message';
import { localeOr } from '@casetrack/i18n';
import { SentMarker } from './sent-marker';

export type DeliveryOutcome = 'sent' | 'stale' | 'cancelled';

interface Row {
  id: string;
  case_id: string;
  kind: ReminderKind;
  state: ReminderState;
  due_at: Date;
  payload: ReminderPayload;
  delivered_channels: string[];
  recipient_user_id: string;
  email: string | null;
  notification_email: string | null;
  webhook_url: string | null;
  time_zone: string | null;
  locale: string | null;
  disabled_at: Date | null;
  full_name: string | null;
  /** The recipient was removed from the case after what the read models show (the projector lags). */
  access_revoked: boolean;
}

export interface DeliveryAttempt {
  reminderId: string;
  dueAt: number;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows this attempt if it fails. */
  last: boolean;
}

/**
 * Delivers one reminder: reads its row, skips it unless it is still pending or queued at the job's due time (a
 * cancelled reminder, or one moved to another time, is not sent), sends it on the recipient's channels, then marks it
 * sent (batched with other deliveries: one commit for many). Once the row says sent nothing sends it again; a worker
 * that dies between a channel accepting the message and that commit (milliseconds) is the only way a recipient gets
 * it twice. Channels already done are recorded on failure, so a retry does not repeat them.
 */
export class ReminderDelivery {
  private readonly marker: SentMarker;

  constructor(
    private readonly pool: Pool,
    private readonly channels: readonly ReminderChannel[],
    private readonly publicUrl: string,
    private readonly logger?: Logger,
    private readonly detail: ReminderDetail = 'initials',
  ) {
    this.marker = new SentMarker(pool);
  }

  async deliver(job: DeliveryAttempt): Promise<DeliveryOutcome> {
    const { rows } = await this.pool.query<Row>(
      `SELECT r.id, r.case_id, r.kind, r.state, r.due_at, r.payload, r.delivered_channels, r.recipient_user_id,
              u.email, u.notification_email, u.webhook_url, u.time_zone, u.locale, u.disabled_at, c.full_name,
              ${revokedAfter('r.case_id', 'r.recipient_user_id', 'COALESCE(c.version, 0)')} AS access_revoked
         FROM reminders r
         LEFT JOIN users u ON u.id = r.recipient_user_id
         LEFT JOIN read_model.cases c ON c.case_id = r.case_id
        WHERE r.id = $1`,
      [job.reminderId],
    );
    const row = rows[0];
    // Sent, cancelled, failed, or moved to another time (its own job fires then): nothing to do for this job.
    if (!row || !['pending', 'queued'].includes(row.state) || row.due_at.getTime() !== job.dueAt) return 'stale';
    // A lawyer removed from the case gets nothing more about it, even before the projector cancels their reminders
    // (if they are assigned again, the projection revives the row).
    const refusal = !row.email || row.disabled_at ? 'RECIPIENT_DISABLED' : row.access_revoked ? 'ACCESS_REVOKED' : null;
    if (refusal) {
      await this.pool.query(
        `UPDATE reminders SET state = 'cancelled', last_error = $2, updated_at = now()
          WHERE id = $1 AND state IN ('pending', 'queued')`,
        [row.id, refusal],
      );
      return 'cancelled';
    }

    const recipient: Recipient = {
      userId: row.recipient_user_id,
      email: row.notification_email ?? row.email,
      webhookUrl: row.webhook_url,
    };
    const outgoing = this.outgoing(row);
    const delivered = [...row.delivered_channels];
    try {
      for (const channel of this.channels) {
        const address = channel.addressOf(recipient);
        if (address === null || delivered.includes(channel.name)) continue;
        await channel.send(address, outgoing);
        delivered.push(channel.name);
      }
    } catch (error) {
      const code = errorCode(error);
      const final = job.last || (error instanceof DeliveryError && error.permanent);
      await this.pool.query(
        `UPDATE reminders SET attempts = $2, last_error = $3, delivered_channels = $4,
                state = CASE WHEN $5 THEN 'failed' ELSE state END, updated_at = now()
          WHERE id = $1 AND state IN ('pending', 'queued')`,
        [row.id, job.attempt, code, delivered, final],
      );
      this.logger?.warn({ reminderId: row.id, attempt: job.attempt, code, final }, 'reminder delivery failed');
      throw error;
    }
    await this.marker.mark(row.id, row.due_at, job.attempt, delivered);
    this.logger?.debug({ reminderId: row.id, caseId: row.case_id, channels: delivered }, 'reminder sent');
    return 'sent';
  }

  private outgoing(row: Row): OutgoingReminder {
    const message = composeMessage({
      payload: row.payload,
      fullName: row.full_name,
      timeZone: row.time_zone ?? 'UTC',
      locale: localeOr(row.locale),
      detail: this.detail,
      publicUrl: this.publicUrl,
    });
    return {
      reminderId: row.id,
      kind: row.kind,
      caseId: row.case_id,
      dueAt: row.due_at.toISOString(),
      detainee: detaineeLabel(row.full_name, this.detail),
      message,
      details: { ...row.payload },
    };
  }
}
