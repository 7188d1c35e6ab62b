import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, RFC 9562) derived from what identifies a reminder: the same parts always give the same id, so
 * replaying or re-deriving a case upserts the rows it already has. The subject's own time (the hearing's date, the
 * measure's end) is one of the parts: moving a hearing makes new reminders and cancels the old ones, so one already
 * sent for the old date never hides the one due before the new date.
 */
export function reminderId(parts: readonly (string | number)[]): string {
  const hash = createHash('sha256')
    .update(['casetrack-reminder', ...parts].join('\u0000'))
    .digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
