import { assertNever, type CaseFact } from '../events/case-events';
import { withoutUndefined } from '../values/json';
import { withAccessDenied, withAccessGranted } from './access';
import type { CaseDraft } from './case-draft';
import { withIdentityCorrected, withNameVariants } from './identity';
import { type Complaint, entryOf, type Hearing } from './case-state';

/**
 * Folds what the case holds (who, what, which hearing, which complaint) in stream order.
 * Status, facility and measure are not touched here: they depend on when things happened and
 * are folded by `applyStatus` in occurredAt order. Facts about an unknown hearing, charge or
 * complaint (its creating fact was retracted) are ignored rather than failing the fold.
 */
export function applyContents(draft: CaseDraft, fact: CaseFact): void {
  const { event, meta } = fact;
  const state = draft.state;
  const at = meta.occurredAt;
  switch (event.type) {
    case 'CaseOpened':
      return draft.set({
        exists: true,
        detainee: event.data.detainee,
        source: event.data.source,
        openedAt: at,
        vulnerabilities: event.data.detainee.vulnerabilities,
        status: 'reported',
      });
    case 'IdentityCorrected':
      return withIdentityCorrected(draft, event.data);
    case 'NameVariantsAdded':
      return withNameVariants(draft, event.data.variants);
    case 'LawyerAssigned':
      return draft.put('lawyers', event.data.lawyerId, event.data.role);
    case 'LawyerUnassigned':
      return draft.remove('lawyers', event.data.lawyerId);
    case 'DetentionRecorded':
      return draft.append('detentions', entryOf(meta, event.data));
    case 'DetaineeTransferred':
      return draft.append('transfers', entryOf(meta, { facility: event.data.facility }));
    case 'ChargeBrought': {
      const { chargeId, ...rest } = event.data;
      const charge = { chargeId, ...rest, status: 'active' as const, broughtAt: at, previousQualifications: [] };
      return draft.put('charges', chargeId, charge);
    }
    case 'ChargeRequalified': {
      const charge = state.charges[event.data.chargeId];
      if (!charge) return;
      const { article, part, title } = charge;
      const previous = [...charge.previousQualifications, withoutUndefined({ article, part, title })];
      const { part: _p, title: _t, ...base } = charge;
      const { chargeId: _c, ...qualification } = event.data;
      return draft.put('charges', charge.chargeId, { ...base, ...qualification, previousQualifications: previous });
    }
    case 'ChargeDropped': {
      const charge = state.charges[event.data.chargeId];
      if (!charge) return;
      const next = { ...charge, status: 'dropped' as const, droppedAt: at, droppedReason: event.data.reason };
      return draft.put('charges', charge.chargeId, next);
    }
    case 'AdministrativeSanctionImposed':
      return draft.append('administrativeSanctions', entryOf(meta, event.data));
    case 'HearingScheduled': {
      const hearing: Hearing = { ...event.data, status: 'scheduled', previousScheduledAt: [] };
      return draft.put('hearings', hearing.hearingId, hearing);
    }
    case 'HearingRescheduled':
      return updateHearing(draft, event.data.hearingId, ({ scheduledAtPrecision: _was, ...h }) => ({
        ...h,
        scheduledAt: event.data.scheduledAt,
        // The new time is as precise as the move says, whatever the first one was.
        ...(event.data.scheduledAtPrecision !== undefined
          ? { scheduledAtPrecision: event.data.scheduledAtPrecision }
          : {}),
        previousScheduledAt: [...h.previousScheduledAt, h.scheduledAt],
      }));
    case 'HearingCancelled':
      return updateHearing(draft, event.data.hearingId, (h) => ({
        ...h,
        status: 'cancelled',
        cancelReason: event.data.reason,
      }));
    case 'HearingHeld': {
      const { hearingId: _h, ...outcome } = event.data;
      return updateHearing(draft, event.data.hearingId, (h) => ({ ...h, ...outcome, status: 'held' }));
    }
    case 'AccessDenied':
      return withAccessDenied(draft, entryOf(meta, event.data));
    case 'AccessGranted':
      return withAccessGranted(draft, entryOf(meta, event.data));
    case 'PressureReported':
      return draft.append('pressure', entryOf(meta, event.data));
    case 'TortureAllegationRecorded':
      return draft.put('allegations', event.data.allegationId, entryOf(meta, event.data));
    case 'ComplaintFiled': {
      const complaint: Complaint = { ...event.data, filedAt: at, status: 'awaiting', pressure: [] };
      return draft.put('complaints', complaint.complaintId, complaint);
    }
    case 'ComplaintAnswered': {
      const { complaintId: _c, ...answer } = event.data;
      return updateComplaint(draft, event.data.complaintId, (c) => ({
        ...c,
        status: 'answered',
        response: { ...answer, answeredAt: at },
      }));
    }
    case 'ComplainantPressured': {
      const { complaintId: _c, ...pressure } = event.data;
      return updateComplaint(draft, event.data.complaintId, (c) => ({
        ...c,
        pressure: [...c.pressure, entryOf(meta, pressure)],
      }));
    }
    case 'ComplaintWithdrawn':
      return updateComplaint(draft, event.data.complaintId, (c) => ({
        ...c,
        status: 'withdrawn',
        withdrawal: { reason: event.data.reason, withdrawnAt: at },
      }));
    case 'MedicalFactRecorded':
      return draft.append('medicalFacts', entryOf(meta, event.data));
    case 'VerdictDelivered':
      return draft.set({ verdict: entryOf(meta, event.data) });
    case 'DeathRecorded':
      return draft.set({ death: entryOf(meta, event.data) });
    case 'NoteAdded':
      return draft.append('notes', entryOf(meta, { text: event.data.text }));
    case 'CaseLinked':
      return draft.append('links', entryOf(meta, event.data));
    case 'CaseClosed':
      return draft.set({ closed: true });
    case 'CaseReopened':
      return draft.set({ closed: false });
    case 'CaseErased':
      return draft.set({ erased: true });
    case 'MergeRequested':
      return draft.set({ closed: true, mergedInto: event.data.intoCaseId });
    case 'DuplicateMerged':
      withNameVariants(draft, event.data.nameVariants);
      return draft.append('mergedDuplicates', event.data.duplicateCaseId);
    // Status-only facts are folded by applyStatus; a retraction's effect is the refold that
    // leaves the retracted fact out (evolve.ts).
    case 'WhereaboutsUnknownReported':
    case 'PreventiveMeasureImposed':
    case 'PreventiveMeasureExtended':
    case 'ReleasedToHouseArrest':
    case 'Released':
    case 'FactRetracted':
      return;
    default:
      return assertNever(event);
  }
}

function updateHearing(draft: CaseDraft, hearingId: string, change: (h: Hearing) => Hearing): void {
  const hearing = draft.state.hearings[hearingId];
  if (hearing) draft.put('hearings', hearingId, change(hearing));
}

function updateComplaint(draft: CaseDraft, complaintId: string, change: (c: Complaint) => Complaint): void {
  const complaint = draft.state.complaints[complaintId];
  if (complaint) draft.put('complaints', complaintId, change(complaint));
}
