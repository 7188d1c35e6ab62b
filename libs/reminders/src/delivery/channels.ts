import type { ReminderMessage } from './message';
import type { ReminderKind } from '../rules/reminder-types';

/** Who a reminder goes to, as the channels need them. */
export interface Recipient {
  userId: string;
  email: string | null;
  webhookUrl: string | null;
}

/** Everything a channel may send; the webhook posts it as JSON, email uses subject and text. */
export interface OutgoingReminder {
  reminderId: string;
  /** `test`: a message the user asked for to check their settings (POST /v1/users/me/notifications/test). */
  kind: ReminderKind | 'test';
  caseId: string;
  dueAt: string;
  /** The detainee as the message may name them: initials, or the full name with REMINDER_DETAIL=full. */
  detainee: string | null;
  message: ReminderMessage;
  details: Record<string, unknown>;
}

/** One way of delivering. `send` throws a DeliveryError (permanent or not) when it fails. */
export interface ReminderChannel {
  readonly name: string;
  addressOf(recipient: Recipient): string | null;
  send(address: string, reminder: OutgoingReminder): Promise<void>;
  close?(): Promise<void> | void;
}
