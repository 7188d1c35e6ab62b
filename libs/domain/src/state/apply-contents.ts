import { assertNever, type CaseFact } from '../events/case-events';
import { withoutUndefined } from '../values/json';
import { withAccessDenied, withAccessGranted } from './access';
import { withIdentityCorrected, withNameVariants } from './identity';
import { type CaseState, type Complaint, fromFact, type Hearing } from './case-state';

/**
 * Folds what the case holds (who, what, which hearing, which complaint) in stream order.
 * Status, facility and measure are not touched here: they depend on when things happened and
 * are folded by `applyStatus` in occurredAt order. Facts about an unknown hearing, charge or
 * complaint (its creating fact was retracted) are ignored rather than failing the fold.
 */
export function applyContents(state: CaseState, fact: CaseFact): CaseState {
  const { event, meta } = fact;
  const at = meta.occurredAt;
  const from = fromFact(meta);
  switch (event.type) {
    case 'CaseOpened':
      return {
        ...state,
        exists: true,
        detainee: event.data.detainee,
        source: event.data.source,
        openedAt: at,
        vulnerabilities: event.data.detainee.vulnerabilities,
        status: 'reported',
      };
    case 'IdentityCorrected':
      return withIdentityCorrected(state, event.data);
    case 'NameVariantsAdded':
      return withNameVariants(state, event.data.variants);
    case 'LawyerAssigned':
      return { ...state, lawyers: { ...state.lawyers, [event.data.lawyerId]: event.data.role } };
    case 'LawyerUnassigned': {
      const { [event.data.lawyerId]: _removed, ...lawyers } = state.lawyers;
      return { ...state, lawyers };
    }
    case 'DetentionRecorded':
      return { ...state, detentions: [...state.detentions, { ...from, ...event.data }] };
    case 'DetaineeTransferred':
      return { ...state, transfers: [...state.transfers, { ...from, facility: event.data.facility }] };
    case 'ChargeBrought': {
      const { chargeId, ...rest } = event.data;
      const charge = { chargeId, ...rest, status: 'active' as const, broughtAt: at, previousQualifications: [] };
      return { ...state, charges: { ...state.charges, [chargeId]: charge } };
    }
    case 'ChargeRequalified': {
      const charge = state.charges[event.data.chargeId];
      if (!charge) return state;
      const { article, part, title } = charge;
      const previous = [...charge.previousQualifications, withoutUndefined({ article, part, title })];
      const { part: _p, title: _t, ...base } = charge;
      const { chargeId: _c, ...qualification } = event.data;
      const next = { ...base, ...qualification, previousQualifications: previous };
      return { ...state, charges: { ...state.charges, [charge.chargeId]: next } };
    }
    case 'ChargeDropped': {
      const charge = state.charges[event.data.chargeId];
      if (!charge) return state;
      const next = { ...charge, status: 'dropped' as const, droppedAt: at, droppedReason: event.data.reason };
      return { ...state, charges: { ...state.charges, [charge.chargeId]: next } };
    }
    case 'AdministrativeSanctionImposed':
      return { ...state, administrativeSanctions: [...state.administrativeSanctions, { ...from, ...event.data }] };
    case 'HearingScheduled': {
      const hearing: Hearing = { ...event.data, status: 'scheduled', previousScheduledAt: [] };
      return { ...state, hearings: { ...state.hearings, [hearing.hearingId]: hearing } };
    }
    case 'HearingRescheduled':
      return updateHearing(state, event.data.hearingId, (h) => ({
        ...h,
        scheduledAt: event.data.scheduledAt,
        previousScheduledAt: [...h.previousScheduledAt, h.scheduledAt],
      }));
    case 'HearingCancelled':
      return updateHearing(state, event.data.hearingId, (h) => ({
        ...h,
        status: 'cancelled',
        cancelReason: event.data.reason,
      }));
    case 'HearingHeld': {
      const { hearingId: _h, ...outcome } = event.data;
      return updateHearing(state, event.data.hearingId, (h) => ({ ...h, ...outcome, status: 'held' }));
    }
    case 'AccessDenied':
      return withAccessDenied(state, { ...from, ...event.data });
    case 'AccessGranted':
      return withAccessGranted(state, { ...from, ...event.data });
    case 'PressureReported':
      return { ...state, pressure: [...state.pressure, { ...from, ...event.data }] };
    case 'TortureAllegationRecorded':
      return {
        ...state,
        allegations: { ...state.allegations, [event.data.allegationId]: { ...from, ...event.data } },
      };
    case 'ComplaintFiled': {
      const complaint: Complaint = { ...event.data, filedAt: at, status: 'awaiting', pressure: [] };
      return { ...state, complaints: { ...state.complaints, [complaint.complaintId]: complaint } };
    }
    case 'ComplaintAnswered': {
      const { complaintId: _c, ...answer } = event.data;
      return updateComplaint(state, event.data.complaintId, (c) => ({
        ...c,
        status: 'answered',
        response: { ...answer, answeredAt: at },
      }));
    }
    case 'ComplainantPressured': {
      const { complaintId: _c, ...pressure } = event.data;
      return updateComplaint(state, event.data.complaintId, (c) => ({
        ...c,
        pressure: [...c.pressure, { ...from, ...pressure }],
      }));
    }
    case 'ComplaintWithdrawn':
      return updateComplaint(state, event.data.complaintId, (c) => ({
        ...c,
        status: 'withdrawn',
        withdrawal: { reason: event.data.reason, withdrawnAt: at },
      }));
    case 'MedicalFactRecorded':
      return { ...state, medicalFacts: [...state.medicalFacts, { ...from, ...event.data }] };
    case 'VerdictDelivered':
      return { ...state, verdict: { ...from, ...event.data } };
    case 'DeathRecorded':
      return { ...state, death: { ...from, ...event.data } };
    case 'NoteAdded':
      return { ...state, notes: [...state.notes, { ...from, text: event.data.text }] };
    case 'CaseLinked':
      return { ...state, links: [...state.links, { ...from, ...event.data }] };
    case 'CaseClosed':
      return { ...state, closed: true };
    case 'CaseReopened':
      return { ...state, closed: false };
    case 'CaseErased':
      return { ...state, erased: true };
    case 'MergeRequested':
      return { ...state, closed: true, mergedInto: event.data.intoCaseId };
    case 'DuplicateMerged':
      return {
        ...withNameVariants(state, event.data.nameVariants),
        mergedDuplicates: [...state.mergedDuplicates, event.data.duplicateCaseId],
      };
    // Status-only facts are folded by applyStatus; a retraction's effect is the refold that
    // leaves the retracted fact out (evolve.ts).
    case 'WhereaboutsUnknownReported':
    case 'PreventiveMeasureImposed':
    case 'PreventiveMeasureExtended':
    case 'ReleasedToHouseArrest':
    case 'Released':
    case 'FactRetracted':
      return state;
    default:
      return assertNever(event);
  }
}

function updateHearing(state: CaseState, hearingId: string, change: (h: Hearing) => Hearing): CaseState {
  const hearing = state.hearings[hearingId];
  if (!hearing) return state;
  return { ...state, hearings: { ...state.hearings, [hearingId]: change(hearing) } };
}

function updateComplaint(state: CaseState, complaintId: string, change: (c: Complaint) => Complaint): CaseState {
  const complaint = state.complaints[complaintId];
  if (!complaint) return state;
  return { ...state, complaints: { ...state.complaints, [complaintId]: change(complaint) } };
}
