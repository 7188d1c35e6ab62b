import type { CaseDetail, TimelineEvent } from '../src/api/types';

export const CASE_ID = '6f1c1f0e-1111-4a4a-8a8a-000000000001';

/** A case as GET /v1/cases/:caseId answers it, with nothing recorded beyond its opening unless overridden. */
export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    caseId: CASE_ID,
    fullName: 'Arman Zholatov',
    nameVariants: ['Жолатов Арман'],
    city: 'Almaty',
    status: 'reported',
    closed: false,
    currentFacility: null,
    charges: [],
    lawyers: [],
    nextHearing: null,
    measure: null,
    expectedReleaseAt: null,
    expectedReleasePrecision: null,
    termEnded: false,
    openComplaints: 0,
    tortureAllegations: 0,
    vulnerabilities: [],
    publicRoles: [],
    version: 4,
    lastRecordedAt: '2022-01-08T10:00:00.000Z',
    birthDate: null,
    birthYear: null,
    sex: null,
    occupation: null,
    hearings: [],
    complaints: [],
    allegations: [],
    transfers: [],
    measures: [],
    accessDenials: [],
    detentions: [],
    administrativeSanctions: [],
    verdict: null,
    death: null,
    links: [],
    mergedInto: null,
    deadlines: [],
    ...overrides,
  } as CaseDetail;
}

export function timelineEvent(version: number, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    eventId: `00000000-0000-4000-8000-00000000000${version}`,
    version,
    position: 100 + version,
    type: 'NoteAdded',
    occurredAt: '2022-01-08T10:00:00.000Z',
    occurredAtPrecision: 'exact',
    recordedAt: '2022-01-08T10:00:00.000Z',
    actor: { id: '00000000-0000-4000-8000-0000000000aa', role: 'lawyer' },
    data: {},
    retracted: false,
    hash: 'h',
    ...overrides,
  } as TimelineEvent;
}
