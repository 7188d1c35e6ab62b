import type { CaseDetail } from '../../../../api/types';
import { whenToBody } from '../../../../shared/occurred-at';
import type { FieldChoice, FieldContext } from '../registry';

/**
 * What a form picks from the case (a charge, a hearing, a complaint), labelled so the person recognises it. Each list
 * holds only the items the write may name: a dropped charge cannot be requalified, a held hearing not cancelled.
 */
export const activeCharges = (detail: CaseDetail): CaseDetail['charges'] =>
  detail.charges.filter((charge) => charge.status === 'active');

export function chargeChoices({ detail, t }: FieldContext): FieldChoice[] {
  return activeCharges(detail).map((charge) => ({
    value: charge.chargeId,
    label: t('console.field.chargeChoice', {
      code: t(`vocabulary.chargeCode.${charge.code}`),
      article: charge.article ?? 'none',
      part: charge.part ?? 'none',
    }),
  }));
}

export const scheduledHearings = (detail: CaseDetail): CaseDetail['hearings'] =>
  detail.hearings.filter((hearing) => hearing.status === 'scheduled');

function hearingChoice({ t, times }: FieldContext, hearing: CaseDetail['hearings'][number]): FieldChoice {
  return {
    value: hearing.hearingId,
    label: t('console.field.hearingChoice', {
      kind: t(`vocabulary.hearingKind.${hearing.kind}`),
      court: hearing.court,
      when: times.scheduled(hearing.scheduledAt, hearing.scheduledAtPrecision),
    }),
  };
}

export function scheduledHearingChoices(context: FieldContext): FieldChoice[] {
  return scheduledHearings(context.detail).map((hearing) => hearingChoice(context, hearing));
}

/** A measure is decided at a hearing that was held or is still to be held (not at a cancelled one). */
export function decidingHearingChoices(context: FieldContext): FieldChoice[] {
  return context.detail.hearings
    .filter((hearing) => hearing.status !== 'cancelled')
    .map((hearing) => hearingChoice(context, hearing));
}

export const awaitingComplaints = (detail: CaseDetail): CaseDetail['complaints'] =>
  detail.complaints.filter((complaint) => complaint.status === 'awaiting');

function complaintChoice({ t, times }: FieldContext, complaint: CaseDetail['complaints'][number]): FieldChoice {
  return {
    value: complaint.complaintId,
    label: t('console.field.complaintChoice', {
      body: t(`vocabulary.complaintBody.${complaint.filedWith}`),
      filed: times.date(complaint.filedAt),
      reference: complaint.reference ?? 'none',
    }),
  };
}

export function awaitingComplaintChoices(context: FieldContext): FieldChoice[] {
  return awaitingComplaints(context.detail).map((complaint) => complaintChoice(context, complaint));
}

/** Pressure on a complainant may come at any time, also after the answer or the withdrawal. */
export function complaintChoices(context: FieldContext): FieldChoice[] {
  return context.detail.complaints.map((complaint) => complaintChoice(context, complaint));
}

/**
 * A day typed in the person's time zone (a measure's end, a house arrest's term), sent as the start of that day with
 * its offset; '' is not sent.
 */
export function dayToBody(day: string, timeZone: string): string | undefined {
  return day === '' ? undefined : whenToBody({ occurredAtPrecision: 'day', occurredAt: day }, timeZone).occurredAt;
}
