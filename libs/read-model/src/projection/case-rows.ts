import {
  administrativeTerm,
  escalationSince,
  type CaseState,
  type Charge,
  type Complaint,
  type Facility,
  type Hearing,
  type TortureAllegation,
} from '@casetrack/domain';
import { nameKeys } from '../names/names';
import { caseFigures } from './case-figures';
import { firstDetention } from './first-detention';
import type {
  AllegationView,
  CaseDetailDocument,
  CaseRow,
  CaseRows,
  ChargeView,
  ComplaintRow,
  ComplaintView,
  DatedView,
  FacilityView,
  HearingRow,
  HearingView,
} from './views';

/** A fact's time as the detail shows it: with its precision, and the writer's own day, month or year. */
function datedView(entry: Pick<DatedView, 'occurredAt' | 'occurredAtPrecision'> & { occurredOn?: string }): DatedView {
  return {
    occurredAt: entry.occurredAt,
    occurredAtPrecision: entry.occurredAtPrecision,
    occurredOn: entry.occurredOn ?? null,
  };
}

/**
 * Every read-model row of one case, derived from its folded state alone. Pure: the same state always gives the
 * same rows, so projecting an event twice, or rebuilding from scratch, ends in the same tables. `null` when the
 * case does not exist (nothing was opened, or its opening was retracted): its rows are removed.
 */
export function caseRows(caseId: string, state: CaseState): CaseRows | null {
  if (!state.exists || state.detainee === null) return null;
  const { detainee } = state;
  const charges = Object.values(state.charges)
    .sort(byTime((c) => c.broughtAt))
    .map(chargeView);
  const hearings = Object.values(state.hearings).sort(byTime((h) => h.scheduledAt));
  const complaints = Object.values(state.complaints).sort(byTime((c) => c.filedAt));
  const allegations = Object.values(state.allegations).sort(byTime((a) => a.periodFrom));
  const lawyers = Object.entries(state.lawyers)
    .map(([lawyerId, role]) => ({ lawyerId, role }))
    .sort((a, b) => a.lawyerId.localeCompare(b.lawyerId));
  const facility = state.currentFacility ? facilityView(state.currentFacility) : null;
  const lastFact = state.facts.reduce((last, fact) => (fact.meta.version > last.meta.version ? fact : last));

  const term = administrativeTerm(state);
  const waiting = escalationSince(state);
  const links = state.links.map((l) => ({ caseId: l.caseId, relation: l.relation }));
  const row: CaseRow = {
    case_id: caseId,
    full_name: detainee.fullName,
    name_variants: [...detainee.nameVariants],
    name_keys: nameKeys(detainee.fullName, detainee.nameVariants),
    city: detainee.city ?? null,
    status: state.status,
    closed: state.closed,
    current_facility: facility,
    facility_key: facility ? facilityKey(facility) : null,
    articles: activeArticles(charges),
    charges,
    lawyer_ids: lawyers.map((l) => l.lawyerId),
    lawyers,
    measure: state.measure?.measure ?? null,
    measure_until: state.measure?.until ?? null,
    expected_release_at: term.expectedReleaseAt,
    expected_release_precision: term.expectedReleasePrecision,
    unreleased_term_end: term.awaitingRelease ? term.expectedReleaseAt : null,
    unlocated_since: isoOrNull(waiting.unlocated),
    no_lawyer_since: isoOrNull(waiting.noLawyer),
    open_complaints: complaints.filter((c) => c.status === 'awaiting').length,
    torture_allegations: allegations.length,
    deceased: state.death !== null,
    vulnerabilities: [...state.vulnerabilities],
    public_roles: [...(detainee.publicRoles ?? [])],
    ...firstDetention(state),
    torture_methods: [...new Set(allegations.flatMap((a) => a.methods))].sort(),
    death_circumstances: state.death?.circumstances ?? null,
    death_causes: [...(state.death?.causes ?? [])],
    ...caseFigures(hearings, complaints, Object.values(state.charges)),
    merged_into: state.mergedInto,
    opened_at: state.openedAt,
    version: state.version,
    last_recorded_at: lastFact.meta.recordedAt,
    linked_case_ids: [...new Set(links.map((l) => l.caseId))],
    detail: { ...detailDocument(state, hearings, complaints, allegations), links },
  };
  return {
    case: row,
    hearings: hearings.map((h) => hearingRow(caseId, h)),
    complaints: complaints.map((c) => complaintRow(caseId, c)),
  };
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * How the facility filter finds a facility: its code when it has one, else its name. Statistics group by city,
 * code and name together (two cities' "temporary detention facility" are two facilities).
 */
export function facilityKey(facility: { code: string | null; name: string | null }): string {
  return (facility.code ?? facility.name ?? '').trim().toLowerCase();
}

/** Articles of the active charges; a charge whose article is unknown counts under no article. */
function activeArticles(charges: readonly ChargeView[]): string[] {
  const known = charges.flatMap((c) => (c.status === 'active' && c.article !== null ? [c.article] : []));
  return [...new Set(known)].sort();
}

function detailDocument(
  state: CaseState,
  hearings: Hearing[],
  complaints: Complaint[],
  allegations: TortureAllegation[],
): CaseDetailDocument {
  return {
    birthDate: state.detainee?.birthDate ?? null,
    birthYear: state.detainee?.birthYear ?? null,
    sex: state.detainee?.sex ?? null,
    occupation: state.detainee?.occupation ?? null,
    hearings: hearings.map(hearingView),
    complaints: complaints.map(complaintView),
    allegations: allegations.map(allegationView),
    transfers: state.transfers.map((t) => ({ ...datedView(t), facility: facilityView(t.facility) })),
    measures: state.measureHistory.map((m) => ({
      ...datedView(m),
      change: m.change,
      measure: m.measure,
      until: m.until,
      hearingId: m.hearingId ?? null,
    })),
    accessDenials: state.accessDenials.map((d) => ({
      ...datedView(d),
      who: d.who,
      by: d.by ?? null,
      from: d.occurredAt,
      until: d.until ?? null,
      untilPrecision: d.untilPrecision ?? null,
      untilOn: d.untilOn ?? null,
    })),
    detentions: state.detentions.map((d) => ({
      ...datedView(d),
      city: d.city ?? null,
      place: d.place ?? null,
      authority: d.authority,
    })),
    administrativeSanctions: state.administrativeSanctions.map((s) => ({
      ...datedView(s),
      kind: s.kind,
      days: s.days ?? null,
      amount: s.amount ?? null,
      currency: s.currency ?? null,
    })),
    verdict: state.verdict
      ? {
          ...datedView(state.verdict),
          outcome: state.verdict.outcome,
          sentence: state.verdict.sentence
            ? { kind: state.verdict.sentence.kind, months: state.verdict.sentence.months ?? null }
            : null,
        }
      : null,
    death: state.death
      ? {
          ...datedView(state.death),
          circumstances: state.death.circumstances,
          causes: [...(state.death.causes ?? [])],
          bodyReleased: state.death.bodyReleased ?? null,
        }
      : null,
  };
}

function facilityView(facility: Facility): FacilityView {
  return { code: facility.code ?? null, name: facility.name ?? null, city: facility.city, kind: facility.kind };
}

function chargeView(charge: Charge): ChargeView {
  return {
    chargeId: charge.chargeId,
    code: charge.code,
    article: charge.article ?? null,
    part: charge.part ?? null,
    title: charge.title ?? null,
    status: charge.status,
  };
}

function hearingView(h: Hearing): HearingView {
  return {
    hearingId: h.hearingId,
    kind: h.kind,
    court: h.court,
    judge: h.judge ?? null,
    location: h.location ?? null,
    scheduledAt: h.scheduledAt,
    scheduledAtPrecision: h.scheduledAtPrecision ?? 'exact',
    status: h.status,
    previousScheduledAt: [...h.previousScheduledAt],
    outcome: h.outcome ?? null,
    durationMinutes: h.durationMinutes ?? null,
    defendantHeard: h.defendantHeard ?? null,
    lawyerPresent: h.lawyerPresent ?? null,
  };
}

function complaintView(c: Complaint): ComplaintView {
  return {
    complaintId: c.complaintId,
    allegationId: c.allegationId ?? null,
    filedWith: c.filedWith,
    reference: c.reference ?? null,
    status: c.status,
    filedAt: c.filedAt,
    responseDueAt: c.responseDueAt ?? null,
    outcome: c.response?.outcome ?? null,
    answeredAt: c.response?.answeredAt ?? null,
    withdrawnAt: c.withdrawal?.withdrawnAt ?? null,
    pressureCount: c.pressure.length,
  };
}

function allegationView(a: TortureAllegation): AllegationView {
  return {
    allegationId: a.allegationId,
    recordedAsOccurredAt: a.occurredAt,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo ?? null,
    facility: a.facility ?? null,
    methods: [...a.methods],
    consent: a.consent,
    evidenceCount: a.evidence.length,
  };
}

function hearingRow(caseId: string, h: Hearing): HearingRow {
  return {
    case_id: caseId,
    hearing_id: h.hearingId,
    kind: h.kind,
    court: h.court,
    judge: h.judge ?? null,
    location: h.location ?? null,
    scheduled_at: h.scheduledAt,
    scheduled_precision: h.scheduledAtPrecision ?? 'exact',
    status: h.status,
    duration_minutes: h.durationMinutes ?? null,
    defendant_heard: h.defendantHeard ?? null,
    lawyer_present: h.lawyerPresent ?? null,
  };
}

function complaintRow(caseId: string, c: Complaint): ComplaintRow {
  return {
    case_id: caseId,
    complaint_id: c.complaintId,
    allegation_id: c.allegationId ?? null,
    filed_with: c.filedWith,
    reference: c.reference ?? null,
    status: c.status,
    response_due_at: c.responseDueAt ?? null,
    outcome: c.response?.outcome ?? null,
    filed_at: c.filedAt,
    answered_at: c.response?.answeredAt ?? null,
    withdrawn_at: c.withdrawal?.withdrawnAt ?? null,
  };
}

/** Oldest first by an instant, ties broken by nothing else (the sort is stable over the state's own order). */
function byTime<T>(at: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => Date.parse(at(a)) - Date.parse(at(b));
}
