import type { CaseEvent, CaseEventOf, Instant } from '../events/case-events';
import type { FacilityKind, Measure, MedicalKind, SanctionKind } from '../values/vocabularies';

/** Typical facts of a case, small enough to read in a test. */

export const opened = (): CaseEventOf<'CaseOpened'> => ({
  type: 'CaseOpened',
  data: {
    detainee: {
      fullName: 'Zholatov Arman',
      nameVariants: ['Jolatov'],
      sex: 'male',
      city: 'Almaty',
      vulnerabilities: [],
    },
    source: { kind: 'relative' },
  },
});

export const lawyerAssigned = (lawyerId = 'lawyer-1', role: 'lead' | 'support' = 'lead'): CaseEvent => ({
  type: 'LawyerAssigned',
  data: { lawyerId, role },
});

export const detained = (): CaseEvent => ({
  type: 'DetentionRecorded',
  data: { city: 'Almaty', place: 'Republic Square', authority: 'police' },
});

export const missing = (): CaseEvent => ({ type: 'WhereaboutsUnknownReported', data: {} });

export const transferred = (kind: FacilityKind, name = `${kind} facility`): CaseEvent => ({
  type: 'DetaineeTransferred',
  data: { facility: { name, city: 'Almaty', kind } },
});

export const chargeBrought = (chargeId = 'c1', article = '272'): CaseEvent => ({
  type: 'ChargeBrought',
  data: { chargeId, code: 'criminal', article, part: '2', title: 'Participation in mass disorder' },
});

export const chargeDropped = (chargeId = 'c1'): CaseEvent => ({
  type: 'ChargeDropped',
  data: { chargeId, reason: 'no evidence' },
});

export const sanction = (kind: SanctionKind = 'arrest', days?: number): CaseEvent => ({
  type: 'AdministrativeSanctionImposed',
  data: days === undefined ? { kind } : { kind, days },
});

export const hearingScheduled = (hearingId = 'h1', scheduledAt: Instant = '2022-01-20T09:00:00.000Z'): CaseEvent => ({
  type: 'HearingScheduled',
  data: { hearingId, kind: 'preventive_measure', court: 'Almaty district court', scheduledAt },
});

export const hearingCancelled = (hearingId = 'h1'): CaseEvent => ({
  type: 'HearingCancelled',
  data: { hearingId, reason: 'judge ill' },
});

export const hearingHeld = (hearingId = 'h1'): CaseEvent => ({
  type: 'HearingHeld',
  data: { hearingId, outcome: 'pre-trial detention for 2 months', durationMinutes: 4 },
});

export const measureImposed = (measure: Measure, until?: Instant, hearingId?: string): CaseEvent => ({
  type: 'PreventiveMeasureImposed',
  data: { measure, ...(until === undefined ? {} : { until }), ...(hearingId === undefined ? {} : { hearingId }) },
});

export const measureExtended = (until: Instant): CaseEvent => ({ type: 'PreventiveMeasureExtended', data: { until } });

export const releasedToHouseArrest = (until?: Instant): CaseEvent => ({
  type: 'ReleasedToHouseArrest',
  data: until === undefined ? {} : { until },
});

export const released = (): CaseEvent => ({ type: 'Released', data: { grounds: 'amnesty' } });

export const medical = (kind: MedicalKind): CaseEvent => ({
  type: 'MedicalFactRecorded',
  data: { kind, details: 'gunshot wound' },
});

export const verdict = (data: CaseEventOf<'VerdictDelivered'>['data']): CaseEvent => ({
  type: 'VerdictDelivered',
  data,
});

export const died = (): CaseEvent => ({ type: 'DeathRecorded', data: { circumstances: 'in_custody' } });

export const allegation = (allegationId = 'a1'): CaseEvent => ({
  type: 'TortureAllegationRecorded',
  data: {
    allegationId,
    periodFrom: '2022-01-06T00:00:00.000Z',
    methods: ['beating'],
    evidence: [],
    consent: 'anonymised',
  },
});

export const complaintFiled = (complaintId = 'k1', allegationId?: string): CaseEvent => ({
  type: 'ComplaintFiled',
  data: { complaintId, filedWith: 'prosecutor', ...(allegationId === undefined ? {} : { allegationId }) },
});

export const complaintAnswered = (complaintId = 'k1'): CaseEvent => ({
  type: 'ComplaintAnswered',
  data: { complaintId, outcome: 'refused' },
});

export const complaintWithdrawn = (complaintId = 'k1'): CaseEvent => ({
  type: 'ComplaintWithdrawn',
  data: { complaintId, reason: 'pressure' },
});

export const retracted = (eventId: string): CaseEvent => ({
  type: 'FactRetracted',
  data: { eventId, reason: 'wrong person' },
});

export const closed = (): CaseEvent => ({ type: 'CaseClosed', data: { reason: 'duplicate' } });
export const reopened = (): CaseEvent => ({ type: 'CaseReopened', data: { reason: 'not a duplicate' } });
export const note = (text = 'called the family'): CaseEvent => ({ type: 'NoteAdded', data: { text } });
