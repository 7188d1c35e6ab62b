import type { TimelineEvent } from '../../../api/types';

type EventType = TimelineEvent['type'];

export const IDS = {
  charge: 'c0000000-0000-4000-8000-000000000001',
  hearing: 'h0000000-0000-4000-8000-000000000001',
  complaint: 'f0000000-0000-4000-8000-000000000001',
  lawyer: '00000000-0000-4000-8000-0000000000bb',
  other: '6f1c1f0e-1111-4a4a-8a8a-000000000009',
  detention: '00000000-0000-4000-8000-000000000006',
} as const;

/**
 * One fact of every type the timeline answers, each with its data as the API gives it, and the words a reader must
 * see for it (English). A `Record` over the contract's event types: a type added to the contract fails to compile
 * here until it has a fixture.
 */
export const FACTS: Readonly<Record<EventType, { data: Record<string, unknown>; shows: readonly string[] }>> = {
  CaseOpened: {
    data: {
      detainee: {
        fullName: 'Arman Zholatov',
        nameVariants: ['Жолатов Арман'],
        sex: 'male',
        city: 'Almaty',
        vulnerabilities: ['wounded'],
      },
      source: { kind: 'relative', reference: 'call of 5 January' },
    },
    shows: ['Arman Zholatov', 'Жолатов Арман', 'Almaty', 'relative', 'call of 5 January', 'wounded'],
  },
  IdentityCorrected: {
    data: { birthYear: 1990, occupation: 'engineer', publicRoles: ['journalist'] },
    shows: ['Year of birth: 1990', 'Occupation: engineer', 'Public roles: journalist'],
  },
  NameVariantsAdded: { data: { variants: ['Zholatov Arman'] }, shows: ['Other spellings: Zholatov Arman'] },
  LawyerAssigned: {
    data: { lawyerId: IDS.lawyer, role: 'lead' },
    shows: ['Lawyer: D. Seitkali', 'As: lead lawyer'],
  },
  LawyerUnassigned: {
    data: { lawyerId: IDS.lawyer, reason: 'moved away' },
    shows: ['Lawyer: D. Seitkali', 'moved away'],
  },
  DetentionRecorded: {
    data: { city: 'Almaty', place: 'Republic Square', authority: 'special_forces', injuries: 'bruises' },
    shows: ['Detained by: special forces', 'Place: Republic Square', 'Injuries: bruises'],
  },
  WhereaboutsUnknownReported: { data: { reportedBy: 'his sister' }, shows: ['Reported by: his sister'] },
  DetaineeTransferred: {
    data: { facility: { code: '12', name: 'IVS No. 1', city: 'Almaty', kind: 'temporary_detention' } },
    shows: ['Facility: IVS No. 1 (code 12), temporary detention facility, Almaty'],
  },
  ChargeBrought: {
    data: { chargeId: IDS.charge, code: 'criminal', article: '272', part: '2', title: 'Mass riots' },
    shows: ['Kind of charge: criminal', 'Article: art. 272 part 2', 'Title: Mass riots'],
  },
  ChargeRequalified: {
    data: { chargeId: IDS.charge, article: '174', title: 'Inciting discord' },
    shows: ['Charge: criminal, art. 272 part 2', 'New article: art. 174', 'Title: Inciting discord'],
  },
  ChargeDropped: {
    data: { chargeId: IDS.charge, reason: 'no evidence' },
    shows: ['Charge: criminal, art. 272 part 2', 'Reason: no evidence'],
  },
  AdministrativeSanctionImposed: {
    data: { kind: 'arrest', days: 10 },
    shows: ['Sanction: administrative arrest', 'Days: 10'],
  },
  HearingScheduled: {
    data: {
      hearingId: IDS.hearing,
      kind: 'preventive_measure',
      court: 'Almaly District Court',
      judge: 'A. Judge',
      scheduledAt: '2022-01-10T04:30:00.000Z',
    },
    shows: [
      'Kind of hearing: choice of a preventive measure',
      'Court: Almaly District Court',
      'Judge: A. Judge',
      'Scheduled for: 10 January 2022, 10:30',
    ],
  },
  HearingRescheduled: {
    data: { hearingId: IDS.hearing, scheduledAt: '2022-01-12T05:00:00.000Z', reason: 'judge ill' },
    shows: ['Hearing: choice of a preventive measure, Almaly District Court', 'Moved to: 12 January 2022, 11:00'],
  },
  HearingCancelled: {
    data: { hearingId: IDS.hearing, reason: 'case sent back' },
    shows: ['Hearing: choice of a preventive measure, Almaly District Court', 'Reason: case sent back'],
  },
  HearingHeld: {
    data: {
      hearingId: IDS.hearing,
      outcome: 'detention for two months',
      durationMinutes: 15,
      defendantHeard: false,
      lawyerPresent: true,
    },
    shows: ['Outcome: detention for two months', 'Duration: 15 minutes', 'Defendant heard: no', 'Lawyer present: yes'],
  },
  PreventiveMeasureImposed: {
    data: { measure: 'pretrial_detention', until: '2022-03-10T00:00:00.000Z' },
    shows: ['Preventive measure: pre-trial detention', 'Until: 10 March 2022'],
  },
  PreventiveMeasureExtended: {
    data: { until: '2022-05-10T00:00:00.000Z' },
    shows: ['Until: 10 May 2022'],
  },
  ReleasedToHouseArrest: {
    data: { address: 'Abai 10', conditions: 'no phone' },
    shows: ['Address: Abai 10', 'Conditions: no phone'],
  },
  Released: { data: { grounds: 'amnesty' }, shows: ['Grounds: amnesty'] },
  AccessDenied: {
    data: { who: 'lawyer', by: 'the investigator' },
    shows: ['Denied to: lawyer', 'By: the investigator'],
  },
  AccessGranted: { data: { who: 'doctor' }, shows: ['Granted again to: doctor'] },
  TortureAllegationRecorded: {
    data: {
      allegationId: 'a0000000-0000-4000-8000-000000000001',
      periodFrom: '2022-01-06T10:00:00.000Z',
      periodTo: '2022-01-07T10:00:00.000Z',
      facility: 'IVS No. 1',
      methods: ['beating', 'electric_shock'],
      evidence: [{ kind: 'photo', reference: 'IMG-1' }],
      consent: 'anonymised',
    },
    shows: [
      'Period: from 6 January 2022 to 7 January 2022',
      'Methods: beating, electric shock',
      'Facility: IVS No. 1',
      'Evidence: photo: IMG-1',
      'Consent: anonymised use only',
    ],
  },
  ComplaintFiled: {
    data: {
      complaintId: IDS.complaint,
      filedWith: 'prosecutor',
      reference: '17-42',
      responseDueAt: '2022-02-10T00:00:00.000Z',
    },
    shows: ["Filed with: prosecutor's office", 'Reference: 17-42', 'Answer due: 10 February 2022'],
  },
  ComplaintAnswered: {
    data: { complaintId: IDS.complaint, outcome: 'refused' },
    shows: ["Complaint: prosecutor's office, no. 17-42", 'Answer: refused'],
  },
  ComplainantPressured: {
    data: { complaintId: IDS.complaint, details: 'visited at home' },
    shows: ["Complaint: prosecutor's office, no. 17-42", 'Details: visited at home'],
  },
  PressureReported: {
    data: { kind: 'threat_to_family', details: 'calls at night' },
    shows: ['Kind of pressure: threats to the family', 'Details: calls at night'],
  },
  ComplaintWithdrawn: {
    data: { complaintId: IDS.complaint, reason: 'under pressure' },
    shows: ["Complaint: prosecutor's office, no. 17-42", 'Reason: under pressure'],
  },
  MedicalFactRecorded: {
    data: { kind: 'care_denied', details: 'no insulin' },
    shows: ['Kind: medical care denied', 'Details: no insulin'],
  },
  VerdictDelivered: {
    data: { outcome: 'convicted', sentence: { kind: 'imprisonment', months: 36 } },
    shows: ['Verdict: conviction', 'Sentence: imprisonment, 36 months'],
  },
  DeathRecorded: {
    data: { circumstances: 'in_custody', causes: ['torture'], bodyReleased: false },
    shows: ['Circumstances: in custody', 'Causes: torture', 'Body released: no'],
  },
  NoteAdded: { data: { text: 'Mother brought a parcel' }, shows: ['Note: Mother brought a parcel'] },
  FactRetracted: {
    data: { eventId: IDS.detention, reason: 'wrong person' },
    shows: ['Fact withdrawn: Detention, 8 January 2022', 'Reason: wrong person'],
  },
  CaseLinked: {
    data: { caseId: IDS.other, relation: 'co_detainee', note: 'same van' },
    shows: ['Linked case: open that case', 'Relation: detained together', 'Note: same van'],
  },
  CaseClosed: { data: { reason: 'released and safe' }, shows: ['Reason: released and safe'] },
  CaseReopened: { data: { reason: 'arrested again' }, shows: ['Reason: arrested again'] },
  MergeRequested: {
    data: { intoCaseId: IDS.other, reason: 'same man' },
    shows: ['Merged into: open that case', 'Reason: same man'],
  },
  DuplicateMerged: {
    data: { duplicateCaseId: IDS.other, nameVariants: ['Zholatov A.'] },
    shows: ['Duplicate merged: open that case', 'Other spellings: Zholatov A.'],
  },
  CaseErased: { data: { reason: 'request of the family' }, shows: ['Reason: request of the family'] },
};
