import { assertNever, type CaseEvent, type CaseFact, type Instant } from '../events/case-events';
import type { FacilityKind, Measure } from '../values/vocabularies';
import { DAY_MS, toMillis } from '../values/time';
import type { CaseDraft } from './case-draft';
import {
  type CaseState,
  type CustodyStatus,
  entryOf,
  fromFact,
  type HeldAs,
  isInCustody,
  type MeasureChange,
} from './case-state';

/*
 * Status rules, as a defence lawyer reads a file. Facts are taken in occurredAt order.
 *
 * - The status board shows where the person is now; `heldAs` keeps the legal form of custody
 *   underneath it, so a stay in hospital or a period nobody could locate the person does not
 *   erase a court-ordered detention.
 * - CaseOpened: reported. WhereaboutsUnknownReported: missing (facility unknown).
 * - DetentionRecorded: in police custody (a new detention starts anew: facility unknown).
 * - DetaineeTransferred, by facility kind:
 *     hospital → hospitalised; prison → imprisoned;
 *     pretrial_detention → in pre-trial detention (imprisoned stays imprisoned: convicts wait for
 *       their appeal there);
 *     police_station / temporary_detention / special_detention → imprisoned or in pre-trial
 *       detention if that is how the person is held (a move to a police cell for questioning does
 *       not lift a court order), else administrative arrest if an arrest sanction is in force at
 *       the time of the move, else in police custody;
 *     other → the current form of custody, or as for a police cell if none.
 * - AdministrativeSanctionImposed arrest → administrative arrest (fine and warning: no change).
 * - PreventiveMeasureImposed: pretrial_detention → in pre-trial detention, house_arrest → house
 *   arrest; bail, recognizance and travel_ban free the person → released.
 * - A custodial change (detention, arrest, custodial measure, prison sentence) that happens while the
 *   person lies in hospital keeps the board at hospitalised and changes only `heldAs`.
 * - ReleasedToHouseArrest → house arrest. Released → released; custodial measures end, a bail or
 *   travel ban stays as the current measure.
 * - MedicalFactRecorded hospitalised → hospitalised unless the person is already free;
 *   removed_from_hospital → back to how the person was held, or police custody if never held
 *   before (being taken out of a hospital is a detention).
 * - VerdictDelivered ends the preventive measure. Convicted to imprisonment → imprisoned. Acquitted,
 *   case closed, or convicted to a non-custodial sentence (restricted freedom, fine, suspended)
 *   → released if held. Convicted with sentence `other` or unknown → no change.
 * - DeathRecorded → deceased, terminal: nothing after the death changes the status.
 */

const STATUS_BEARING_TYPES: ReadonlySet<CaseEvent['type']> = new Set<CaseEvent['type']>([
  'DetentionRecorded',
  'WhereaboutsUnknownReported',
  'DetaineeTransferred',
  'AdministrativeSanctionImposed',
  'PreventiveMeasureImposed',
  'PreventiveMeasureExtended',
  'ReleasedToHouseArrest',
  'Released',
  'MedicalFactRecorded',
  'VerdictDelivered',
  'DeathRecorded',
]);

export function isStatusBearing(event: CaseEvent): boolean {
  return STATUS_BEARING_TYPES.has(event.type);
}

const CUSTODIAL_MEASURES: readonly Measure[] = ['pretrial_detention', 'house_arrest'];

export function applyStatus(draft: CaseDraft, fact: CaseFact): void {
  const state = draft.state;
  if (state.status === 'deceased') return;
  const { event, meta } = fact;
  const at = meta.occurredAt;
  switch (event.type) {
    case 'DetentionRecorded':
      hold(draft, 'in_police_custody');
      return draft.set({ currentFacility: null });
    case 'WhereaboutsUnknownReported':
      return draft.set({ status: 'missing', currentFacility: null });
    case 'DetaineeTransferred': {
      const status = statusAfterTransfer(state, event.data.facility.kind, at);
      const heldAs = status === 'hospitalised' ? state.heldAs : status;
      return draft.set({ status, heldAs, currentFacility: event.data.facility });
    }
    case 'AdministrativeSanctionImposed':
      return event.data.kind === 'arrest' ? hold(draft, 'administrative_arrest') : undefined;
    case 'PreventiveMeasureImposed': {
      const { measure, hearingId } = event.data;
      return imposeMeasure(draft, fact, measure, event.data.until ?? null, hearingId, 'imposed');
    }
    case 'PreventiveMeasureExtended': {
      const { until, hearingId } = event.data;
      const current = state.measure;
      if (current) {
        draft.set({ measure: { ...current, until } });
        return draft.append('measureHistory', change(fact, 'extended', current.measure, until, hearingId));
      }
      // The first news of a measure: it was in force when extended, since when is not known.
      if (event.data.measure === undefined) return;
      return imposeMeasure(draft, fact, event.data.measure, until, hearingId, 'extended');
    }
    case 'ReleasedToHouseArrest': {
      const until = event.data.until ?? null;
      draft.set({
        status: 'house_arrest',
        heldAs: 'house_arrest',
        currentFacility: null,
        measure: { measure: 'house_arrest', until, since: at },
      });
      return draft.append('measureHistory', change(fact, 'released_to_house_arrest', 'house_arrest', until));
    }
    case 'Released': {
      const custodial = state.measure !== null && CUSTODIAL_MEASURES.includes(state.measure.measure);
      if (custodial) endMeasure(draft, fact);
      return free(draft, fact);
    }
    case 'MedicalFactRecorded':
      if (event.data.kind === 'hospitalised' && state.status !== 'released') {
        return draft.set({ status: 'hospitalised' });
      }
      if (event.data.kind === 'removed_from_hospital' && state.status === 'hospitalised') {
        const heldAs = state.heldAs ?? 'in_police_custody';
        const facility = state.currentFacility?.kind === 'hospital' ? null : state.currentFacility;
        return draft.set({ status: heldAs, heldAs, currentFacility: facility });
      }
      return;
    case 'VerdictDelivered': {
      endMeasure(draft, fact);
      const { outcome, sentence } = event.data;
      if (outcome === 'convicted' && sentence?.kind === 'imprisonment') return hold(draft, 'imprisoned');
      const freed = outcome !== 'convicted' || (sentence !== undefined && sentence.kind !== 'other');
      return freed && isHeld(state) ? free(draft, fact) : undefined;
    }
    case 'DeathRecorded':
      endMeasure(draft, fact);
      return draft.set({ status: 'deceased' });
    case 'CaseOpened':
    case 'IdentityCorrected':
    case 'NameVariantsAdded':
    case 'LawyerAssigned':
    case 'LawyerUnassigned':
    case 'ChargeBrought':
    case 'ChargeRequalified':
    case 'ChargeDropped':
    case 'HearingScheduled':
    case 'HearingRescheduled':
    case 'HearingCancelled':
    case 'HearingHeld':
    case 'AccessDenied':
    case 'AccessGranted':
    case 'PressureReported':
    case 'TortureAllegationRecorded':
    case 'ComplaintFiled':
    case 'ComplaintAnswered':
    case 'ComplainantPressured':
    case 'ComplaintWithdrawn':
    case 'NoteAdded':
    case 'FactRetracted':
    case 'CaseLinked':
    case 'CaseClosed':
    case 'CaseReopened':
    case 'MergeRequested':
    case 'DuplicateMerged':
    case 'CaseErased':
      return;
    default:
      return assertNever(event);
  }
}

/** Sets how the person is held; a stay in hospital stays on the board until they leave it. */
function hold(draft: CaseDraft, heldAs: HeldAs): void {
  draft.set({ heldAs, status: draft.state.status === 'hospitalised' ? 'hospitalised' : heldAs });
}

function free(draft: CaseDraft, fact: CaseFact): void {
  const release = fromFact(fact.meta);
  draft.set({ status: 'released', heldAs: null, currentFacility: null, releasedAt: release.occurredAt, release });
}

function isHeld(state: CaseState): boolean {
  return isInCustody(state.status) || state.heldAs !== null;
}

/** A measure now in force, and the custody it means. */
function imposeMeasure(
  draft: CaseDraft,
  fact: CaseFact,
  measure: Measure,
  until: Instant | null,
  hearingId: string | undefined,
  kind: 'imposed' | 'extended',
): void {
  const at = fact.meta.occurredAt;
  draft.set({ measure: { measure, until, since: at, ...(hearingId === undefined ? {} : { hearingId }) } });
  draft.append('measureHistory', change(fact, kind, measure, until, hearingId));
  if (measure === 'pretrial_detention') return hold(draft, 'in_pretrial_detention');
  if (measure === 'house_arrest') {
    hold(draft, 'house_arrest');
    return draft.set({ currentFacility: null });
  }
  return free(draft, fact);
}

function endMeasure(draft: CaseDraft, fact: CaseFact): void {
  const current = draft.state.measure;
  if (!current) return;
  draft.set({ measure: null });
  draft.append('measureHistory', change(fact, 'ended', current.measure, current.until));
}

function change(
  fact: CaseFact,
  kind: MeasureChange['change'],
  measure: Measure,
  until: Instant | null,
  hearingId?: string,
): MeasureChange {
  const base = entryOf(fact.meta, { change: kind, measure, until });
  return hearingId === undefined ? base : { ...base, hearingId };
}

function statusAfterTransfer(state: CaseState, kind: FacilityKind, at: Instant): CustodyStatus {
  switch (kind) {
    case 'hospital':
      return 'hospitalised';
    case 'prison':
      return 'imprisoned';
    case 'pretrial_detention':
      return state.heldAs === 'imprisoned' ? 'imprisoned' : 'in_pretrial_detention';
    case 'other':
      return state.heldAs ?? heldInCell(state, at);
    case 'police_station':
    case 'temporary_detention':
    case 'special_detention':
      return heldInCell(state, at);
    default:
      return assertNever(kind);
  }
}

function heldInCell(state: CaseState, at: Instant): HeldAs {
  if (state.heldAs === 'imprisoned' || state.heldAs === 'in_pretrial_detention') return state.heldAs;
  return administrativeArrestInForce(state, at) ? 'administrative_arrest' : 'in_police_custody';
}

/** An arrest of N days runs from its imposition; a release after the imposition ends it early. */
export function administrativeArrestInForce(state: CaseState, at: Instant): boolean {
  const now = toMillis(at);
  const releasedAt = state.releasedAt === null ? null : toMillis(state.releasedAt);
  return state.administrativeSanctions.some((sanction) => {
    if (sanction.kind !== 'arrest') return false;
    const from = toMillis(sanction.occurredAt);
    if (from > now) return false;
    if (releasedAt !== null && releasedAt >= from) return false;
    return sanction.days === undefined || now < from + sanction.days * DAY_MS;
  });
}
