import { formatDateTime, formatFactTime, isTimeZone, type Locale, message } from '@casetrack/i18n';
import type { ReminderPayload } from '../rules/reminder-types';

export interface ReminderMessage {
  subject: string;
  text: string;
  caseUrl: string;
}

/** How much of the detainee a message names: initials (the default), or the full name where the deployment allows. */
export type ReminderDetail = 'initials' | 'full';

export interface MessageContext {
  payload: ReminderPayload;
  /** The detainee's full name from the read model; null when unknown (the case is named by its link). */
  fullName: string | null;
  timeZone: string;
  /** The recipient's language. */
  locale?: Locale;
  detail?: ReminderDetail;
  publicUrl: string;
}

/**
 * "Жолатов Арман Серикович" -> "Ж. А. С.": enough for a lawyer who knows the case to recognise it, not enough for
 * someone who reads another person's mail or webhook log to learn who was detained.
 */
export function initials(fullName: string): string {
  return fullName
    .split(/[\s-]+/u)
    .filter((part) => part !== '')
    .map((part) => `${[...part][0]?.toLocaleUpperCase() ?? ''}.`)
    .join(' ');
}

/** Who the message is about, as much as it may say. */
export function detaineeLabel(fullName: string | null, detail: ReminderDetail): string | null {
  if (fullName === null || fullName.trim() === '') return null;
  return detail === 'full' ? fullName : initials(fullName);
}

/**
 * The reminder as the recipient reads it, in their language and time zone: what, when, the court, and the link to
 * the case (the console's case page, `/cases/:caseId`). Built from ids and labels only: nothing a person typed
 * (judge, location, notes, testimony, reasons) ever reaches a message, and the detainee only by initials unless the
 * deployment sets REMINDER_DETAIL=full.
 */
export function composeMessage(context: MessageContext): ReminderMessage {
  const { payload } = context;
  const locale = context.locale ?? 'en';
  const zone = isTimeZone(context.timeZone) ? context.timeZone : 'UTC';
  const t = (key: string, values?: Record<string, string | number>): string =>
    message(locale, `reminders.${key}`, values);
  const term = (vocabulary: string, value: string): string => message(locale, `vocabulary.${vocabulary}.${value}`);
  const label = detaineeLabel(context.fullName, context.detail ?? 'initials');
  const who = label ?? t('detainee.unknown');
  const when = (iso: string): string => formatDateTime(locale, iso, zone);
  const caseUrl = `${context.publicUrl}/cases/${payload.caseId}`;
  let subject: string;
  let lines: string[];
  switch (payload.kind) {
    case 'hearing': {
      // A hearing known to the day only says its date, never the midnight it is stored as.
      const at = formatFactTime(
        locale,
        { occurredAt: payload.scheduledAt, occurredAtPrecision: payload.scheduledAtPrecision ?? 'exact' },
        zone,
      );
      subject = t('hearing.subject', { who, when: at });
      lines = [
        t('hearing.text', { kind: term('hearingKind', payload.hearingKind), who }),
        t('line.court', { court: payload.court }),
        t('line.when', { when: at }),
      ];
      break;
    }
    case 'measure_ending':
      subject = t('measureEnding.subject', { who, when: when(payload.until) });
      lines = [t('measureEnding.text', { measure: term('measure', payload.measure), who, when: when(payload.until) })];
      break;
    case 'complaint_overdue':
      subject = t('complaintOverdue.subject', { who });
      lines = [
        t('complaintOverdue.text', {
          body: term('complaintBody', payload.filedWith),
          who,
          when: when(payload.responseDueAt),
        }),
      ];
      break;
    case 'escalation_missing':
      subject = t('missing.subject', { who });
      lines = [t('missing.text', { who, when: when(payload.since) })];
      break;
    case 'escalation_no_lawyer':
      subject = t('noLawyer.subject', { who });
      lines = [t('noLawyer.text', { who, when: when(payload.since) })];
      break;
    case 'escalation_term_ended': {
      const ended = formatFactTime(
        locale,
        { occurredAt: payload.expectedReleaseAt, occurredAtPrecision: payload.expectedReleasePrecision ?? 'exact' },
        zone,
      );
      subject = t('termEnded.subject', { who });
      lines = [t('termEnded.text', { who, when: ended }), t('termEnded.action')];
      break;
    }
    case 'rule_deadline': {
      const name = payload.name[locale];
      const due = formatFactTime(locale, { occurredAt: payload.dueAt, occurredAtPrecision: payload.precision }, zone);
      subject = t('ruleDeadline.subject', { name, who });
      lines = [
        t('ruleDeadline.text', { name, who, when: due }),
        t('ruleDeadline.source', { article: payload.article, url: payload.url }),
      ];
      break;
    }
  }
  lines.push(t('line.case', { url: caseUrl }));
  return { subject, text: `${lines.join('\n')}\n`, caseUrl };
}
