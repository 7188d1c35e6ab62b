import type { CaseEvent, CaseFact } from '../events/case-events';
import { toFacts, withMeta, type GivenFact } from './specification';

/**
 * One case with every kind of fact, for the auditing reads (dossier, history): late news, a retraction and an
 * allegation recorded for internal use only. Event `e<n>` is version n.
 */
const day = (d: number, hour = 10): string => new Date(Date.UTC(2022, 0, d, hour)).toISOString();

function fact(event: CaseEvent, occurredDay: number, recordedDay: number, actorRole = 'lawyer'): GivenFact {
  return withMeta(event, {
    occurredAt: day(occurredDay),
    recordedAt: day(recordedDay, 12),
    actorId: actorRole === 'lawyer' ? 'lawyer-1' : 'coordinator-1',
    actorRole: actorRole === 'lawyer' ? 'lawyer' : 'coordinator',
  });
}

export const FULL_STORY_EVENTS: readonly GivenFact[] = [
  fact(
    {
      type: 'CaseOpened',
      data: {
        detainee: {
          fullName: 'Жолатов Арман Серикович',
          nameVariants: ['Zholatov Arman', 'Jolatov Arman'],
          birthDate: '1994-03-12',
          sex: 'male',
          city: 'Алматы',
          vulnerabilities: ['chronic_illness'],
        },
        source: { kind: 'relative', reference: 'call from his sister' },
      },
    },
    7,
    7,
  ),
  fact({ type: 'LawyerAssigned', data: { lawyerId: 'lawyer-1', role: 'lead' } }, 7, 7),
  fact(
    {
      type: 'DetentionRecorded',
      data: { city: 'Almaty', place: 'Republic Square', authority: 'special_forces', injuries: 'bruised wrists' },
    },
    5,
    7,
  ),
  fact({ type: 'WhereaboutsUnknownReported', data: { reportedBy: 'his sister' } }, 7, 7),
  fact(
    {
      type: 'DetaineeTransferred',
      data: {
        facility: {
          code: 'SI-18',
          name: 'Pre-trial detention centre SI-18',
          city: 'Almaty',
          kind: 'pretrial_detention',
        },
      },
    },
    9,
    10,
  ),
  fact(
    {
      type: 'ChargeBrought',
      data: { chargeId: 'c1', code: 'criminal', article: '272', part: '2', title: 'Mass disorder' },
    },
    9,
    10,
  ),
  fact(
    { type: 'ChargeRequalified', data: { chargeId: 'c1', article: '274', part: '2', title: 'False information' } },
    12,
    12,
  ),
  fact({ type: 'AdministrativeSanctionImposed', data: { kind: 'fine', amount: 36920, currency: 'KZT' } }, 6, 8),
  fact(
    {
      type: 'HearingScheduled',
      data: { hearingId: 'h1', kind: 'preventive_measure', court: 'Almaly District Court', scheduledAt: day(10) },
    },
    8,
    8,
  ),
  fact({ type: 'HearingRescheduled', data: { hearingId: 'h1', scheduledAt: day(11), reason: 'judge on leave' } }, 9, 9),
  fact(
    {
      type: 'HearingHeld',
      data: {
        hearingId: 'h1',
        outcome: 'pre-trial detention',
        durationMinutes: 4,
        defendantHeard: false,
        lawyerPresent: true,
      },
    },
    11,
    11,
  ),
  fact(
    { type: 'PreventiveMeasureImposed', data: { measure: 'pretrial_detention', until: day(60), hearingId: 'h1' } },
    11,
    11,
  ),
  fact({ type: 'PreventiveMeasureExtended', data: { until: day(90) } }, 13, 13),
  fact(
    { type: 'AccessDenied', data: { who: 'lawyer', by: 'duty officer', details: 'told he was "in the bath"' } },
    10,
    10,
  ),
  fact(
    {
      type: 'TortureAllegationRecorded',
      data: {
        allegationId: 'a1',
        periodFrom: day(5),
        periodTo: day(6),
        facility: 'Almaly police station',
        methods: ['beating', 'suffocation'],
        injuries: 'broken rib',
        evidence: [{ kind: 'medical_report', reference: 'archive 118' }],
        consent: 'full',
      },
    },
    12,
    12,
  ),
  fact(
    {
      type: 'TortureAllegationRecorded',
      data: {
        allegationId: 'a2',
        periodFrom: day(6),
        methods: ['threats_to_family'],
        witnesses: 'cellmate, name known to the lawyer',
        evidence: [],
        consent: 'internal_only',
      },
    },
    12,
    12,
  ),
  fact(
    {
      type: 'ComplaintFiled',
      data: { complaintId: 'k1', allegationId: 'a1', filedWith: 'prosecutor', reference: '118/22' },
    },
    13,
    13,
  ),
  fact(
    { type: 'ComplainantPressured', data: { complaintId: 'k1', details: 'mother threatened with prosecution' } },
    14,
    14,
  ),
  fact({ type: 'ComplaintAnswered', data: { complaintId: 'k1', outcome: 'refused', reference: '2-118' } }, 20, 20),
  fact({ type: 'ComplaintFiled', data: { complaintId: 'k2', allegationId: 'a2', filedWith: 'ombudsperson' } }, 15, 15),
  fact({ type: 'ComplaintWithdrawn', data: { complaintId: 'k2', reason: 'family visited by police' } }, 16, 16),
  fact({ type: 'MedicalFactRecorded', data: { kind: 'need', details: 'insulin twice a day' } }, 9, 9),
  fact({ type: 'NoteAdded', data: { text: 'Family asked to be called first' } }, 14, 14),
  fact({ type: 'AccessDenied', data: { who: 'relatives', details: 'recorded on the wrong case' } }, 15, 15),
  fact({ type: 'FactRetracted', data: { eventId: 'e24', reason: 'wrong case' } }, 16, 16, 'coordinator'),
  fact({ type: 'ReleasedToHouseArrest', data: { until: day(120), address: 'Abay Ave 10' } }, 25, 25),
  fact(
    { type: 'VerdictDelivered', data: { outcome: 'convicted', sentence: { kind: 'restricted_freedom', months: 24 } } },
    40,
    40,
  ),
  fact({ type: 'CaseClosed', data: { reason: 'pause' } }, 41, 41, 'coordinator'),
  fact({ type: 'CaseReopened', data: { reason: 'resume' } }, 42, 42, 'coordinator'),
  fact({ type: 'ChargeBrought', data: { chargeId: 'c2', code: 'administrative', article: '488' } }, 6, 43),
  fact({ type: 'ChargeDropped', data: { chargeId: 'c2', reason: 'time-barred' } }, 43, 43),
  fact(
    {
      type: 'HearingScheduled',
      data: { hearingId: 'h2', kind: 'appeal', court: 'Almaty City Court', scheduledAt: day(50) },
    },
    43,
    43,
  ),
  fact({ type: 'HearingCancelled', data: { hearingId: 'h2', reason: 'appeal withdrawn' } }, 44, 44),
  fact({ type: 'LawyerAssigned', data: { lawyerId: 'lawyer-2', role: 'support' } }, 44, 44, 'coordinator'),
  fact({ type: 'LawyerUnassigned', data: { lawyerId: 'lawyer-2', reason: 'moved away' } }, 45, 45, 'coordinator'),
  fact({ type: 'Released', data: { grounds: 'sentence_served', note: 'met by family' } }, 46, 46),
  fact({ type: 'DeathRecorded', data: { circumstances: 'after_release', details: 'heart failure' } }, 48, 48),
];

export function fullStoryFacts(): CaseFact[] {
  return toFacts(FULL_STORY_EVENTS);
}
