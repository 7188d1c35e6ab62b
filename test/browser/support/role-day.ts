import { type Account, ApiClient } from './api-client';
import { dayInZone } from './console';

/** Almaty's offset (UTC+5 since 2024): the accounts of these tests live there. */
export const ZONE = 'Asia/Almaty';
const OFFSET = '+05:00';

export interface RoleDay {
  api: ApiClient;
  coordinator: Account;
  lawyer: Account;
  auditor: Account;
  admin: Account;
  /** The lawyer's main case: a hearing tomorrow, a pre-trial detention ending in five days, a torture allegation. */
  mainCase: string;
  mainHearing: string;
  /** In custody with no lawyer: waits in the escalation queue. */
  noLawyerCase: string;
}

interface Written {
  caseId: string;
  hearingId?: string;
  allegationId?: string;
}

/** `YYYY-MM-DDT<time>+05:00` of a day `daysAhead` days from today in Almaty. */
export function almaty(daysAhead: number, time: string): string {
  return `${dayInZone(-daysAhead, ZONE)}T${time}${OFFSET}`;
}

/**
 * Invented cases for a role's day, written through the API: three people the lawyer defends (hearings in the coming
 * days, one already held with its outcome, a measure ending), one in custody with no lawyer, one whose whereabouts
 * are unknown. Times are set relative to today, so the agenda and the calendar have something this week.
 */
export async function writeRoleDay(baseUrl: string): Promise<RoleDay> {
  const api = new ApiClient(baseUrl);
  const coordinator = await api.createAccount('coordinator', 'Dana Coordinator');
  const lawyer = await api.createAccount('lawyer', 'Daulet Seitkali');
  const auditor = await api.createAccount('auditor', 'Asel Auditor');
  const admin = await api.createAccount('admin', 'Marat Admin');
  const post = (path: string, body: unknown): Promise<Written> => api.post<Written>(path, coordinator.token, body);
  const people = [
    { fullName: 'Arman Zholatov', nameVariants: ['Жолатов Арман'], city: 'Almaty' },
    { fullName: 'Saule Bekova', nameVariants: ['Бекова Сауле'], city: 'Astana' },
    { fullName: 'Нурлан Серикбаев', nameVariants: ['Nurlan Serikbayev'], city: 'Almaty' },
    { fullName: 'Dina Omarova', nameVariants: [], city: 'Shymkent' },
    { fullName: 'Ерлан Касымов', nameVariants: [], city: 'Aktobe' },
  ];
  const ids: string[] = [];
  let mainHearing = '';
  for (const [i, detainee] of people.entries()) {
    const { caseId } = await post('/v1/cases', {
      detainee,
      source: { kind: 'relative' },
      occurredAt: almaty(-12, '09:00:00'),
    });
    ids.push(caseId);
    if (i === 4) {
      await post(`/v1/cases/${caseId}/whereabouts-unknown`, { occurredAt: almaty(-2, '08:00:00') });
      continue;
    }
    await post(`/v1/cases/${caseId}/detention`, {
      city: detainee.city,
      place: 'Republic Square',
      authority: 'police',
      occurredAt: almaty(-10, '18:00:00'),
    });
    if (i === 3) continue;
    await post(`/v1/cases/${caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });
    await post(`/v1/cases/${caseId}/transfers`, {
      facility: { name: 'Pre-trial detention centre No. 1', city: detainee.city, kind: 'pretrial_detention' },
      occurredAt: almaty(-9, '12:00:00'),
    });
    await post(`/v1/cases/${caseId}/charges`, { code: 'criminal', article: '272', part: '2', title: 'Mass riots' });
    const held = await post(`/v1/cases/${caseId}/hearings`, {
      kind: 'preventive_measure',
      court: 'Almalinsky District Court',
      scheduledAt: almaty(-8, '10:00:00'),
    });
    await post(`/v1/cases/${caseId}/hearings/${held.hearingId}/outcome`, {
      outcome: 'Pre-trial detention for two months',
      durationMinutes: 20 + 10 * i,
      defendantHeard: i !== 1,
      lawyerPresent: true,
      occurredAt: almaty(-8, '10:40:00'),
    });
    await post(`/v1/cases/${caseId}/preventive-measures`, {
      measure: 'pretrial_detention',
      until: almaty(5 + i, '00:00:00'),
      hearingId: held.hearingId,
      occurredAt: almaty(-8, '10:40:00'),
    });
    const next = await post(`/v1/cases/${caseId}/hearings`, {
      kind: i === 0 ? 'measure_extension' : 'trial',
      court: i === 2 ? 'Astana City Court' : 'Almalinsky District Court',
      scheduledAt: almaty(1 + i, '10:00:00'),
    });
    if (i === 0) {
      mainHearing = next.hearingId ?? '';
      await post(`/v1/cases/${caseId}/torture-allegations`, {
        periodFrom: almaty(-10, '20:00:00'),
        facility: 'IVS No. 1',
        methods: ['beating', 'threats_to_family'],
        consent: 'anonymised',
      });
    }
  }
  return { api, coordinator, lawyer, auditor, admin, mainCase: ids[0]!, mainHearing, noLawyerCase: ids[3]! };
}
