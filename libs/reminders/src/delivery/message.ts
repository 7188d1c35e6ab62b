import type { ReminderPayload } from '../rules/reminder-types';

export interface ReminderMessage {
  subject: string;
  text: string;
  caseUrl: string;
}

export interface MessageContext {
  payload: ReminderPayload;
  /** The detainee's full name from the read model; null when unknown (the case is named by its link). */
  fullName: string | null;
  timeZone: string;
  publicUrl: string;
}

const LABELS: Record<string, string> = {
  preventive_measure: 'preventive measure',
  measure_extension: 'extension of the measure',
  trial: 'trial',
  appeal: 'appeal',
  complaint_review: 'review of a complaint',
  other: 'hearing',
  pretrial_detention: 'pre-trial detention',
  house_arrest: 'house arrest',
  bail: 'bail',
  travel_ban: 'travel ban',
  recognizance: 'recognizance',
  prosecutor: 'the prosecutor',
  anti_corruption_agency: 'the anti-corruption agency',
  ombudsperson: 'the ombudsperson',
  court: 'the court',
  un_body: 'a UN body',
};

/**
 * The reminder as the recipient reads it, in their time zone: who, what, where, when, and the link to the case.
 * Built from ids and labels only; testimony, notes and reasons never reach a message.
 */
export function composeMessage(context: MessageContext): ReminderMessage {
  const { payload } = context;
  const who = context.fullName ?? 'a detainee';
  const when = (iso: string): string => formatInZone(iso, context.timeZone);
  const caseUrl = `${context.publicUrl}/cases/${payload.caseId}`;
  const lines: string[] = [];
  let subject: string;
  switch (payload.kind) {
    case 'hearing':
      subject = `Hearing for ${who}: ${when(payload.scheduledAt)}`;
      lines.push(
        `Hearing (${label(payload.hearingKind)}) for ${who}.`,
        `Court: ${payload.court}`,
        `When: ${when(payload.scheduledAt)}`,
      );
      break;
    case 'measure_ending':
      subject = `Preventive measure of ${who} ends ${when(payload.until)}`;
      lines.push(`The preventive measure (${label(payload.measure)}) of ${who} ends ${when(payload.until)}.`);
      break;
    case 'complaint_overdue':
      subject = `Complaint answer overdue for ${who}`;
      lines.push(
        `The answer to the complaint filed with ${label(payload.filedWith)} for ${who} was due ${when(payload.responseDueAt)}.`,
      );
      break;
    case 'escalation_missing':
      subject = `Still missing: ${who}`;
      lines.push(`Nobody has located ${who} since ${when(payload.since)}.`);
      break;
    case 'escalation_no_lawyer':
      subject = `No lawyer assigned: ${who}`;
      lines.push(`${capitalise(who)} has been in custody without a lawyer assigned since ${when(payload.since)}.`);
      break;
    case 'escalation_term_ended':
      subject = `Arrest term ended, no release recorded: ${who}`;
      lines.push(
        `The administrative arrest of ${who} ended ${when(payload.expectedReleaseAt)} and no release is recorded.`,
        'Find out where the person is and record it.',
      );
      break;
  }
  lines.push(`Case: ${caseUrl}`);
  return { subject, text: `${lines.join('\n')}\n`, caseUrl };
}

/** `Thursday, 20 January 2022 at 14:00 (Asia/Almaty)`; an unknown zone falls back to UTC rather than failing. */
export function formatInZone(iso: string, timeZone: string): string {
  let zone = timeZone;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', timeStyle: 'short' });
  } catch {
    zone = 'UTC';
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'full', timeStyle: 'short' });
  }
  return `${format.format(new Date(iso))} (${zone})`;
}

function label(value: string): string {
  return LABELS[value] ?? value.replace(/_/g, ' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
