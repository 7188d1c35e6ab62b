import { caseDetail } from './fixtures';
import { json } from './render';
import { createApiClient, type ApiClient } from '../src/api/client';
import { ConsoleState } from '../src/api/console-state';
import type { CaseDetail } from '../src/api/types';

/** Ids of what the case of the form tests holds, so every form has something to pick. */
export const IDS = {
  charge: '00000000-0000-4000-8000-00000000c001',
  hearing: '00000000-0000-4000-8000-00000000e001',
  complaint: '00000000-0000-4000-8000-00000000f001',
  allegation: '00000000-0000-4000-8000-00000000a001',
  lawyerOnCase: '00000000-0000-4000-8000-0000000001a1',
  lawyerFree: '00000000-0000-4000-8000-0000000001a2',
  coordinator: '00000000-0000-4000-8000-0000000001c1',
  otherCase: '6f1c1f0e-1111-4a4a-8a8a-000000000002',
} as const;

/** A case with one of everything a form may pick: an active charge, a scheduled hearing, an awaiting complaint. */
export function fullCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return caseDetail({
    charges: [{ chargeId: IDS.charge, code: 'criminal', article: '272', part: null, title: null, status: 'active' }],
    hearings: [
      {
        hearingId: IDS.hearing,
        kind: 'trial',
        court: 'Almaty City Court',
        scheduledAt: '2022-02-01T04:00:00.000Z',
        judge: null,
        location: null,
        status: 'scheduled',
        previousScheduledAt: [],
        outcome: null,
        durationMinutes: null,
        defendantHeard: null,
        lawyerPresent: null,
      },
    ],
    complaints: [
      {
        complaintId: IDS.complaint,
        allegationId: IDS.allegation,
        filedWith: 'prosecutor',
        reference: '12/34',
        status: 'awaiting',
        filedAt: '2022-01-10T04:00:00.000Z',
        responseDueAt: null,
        outcome: null,
        answeredAt: null,
        withdrawnAt: null,
        overdue: false,
        pressureCount: 0,
      },
    ],
    allegations: [
      {
        allegationId: IDS.allegation,
        recordedAsOccurredAt: '2022-01-06T00:00:00.000Z',
        periodFrom: '2022-01-05T18:00:00.000Z',
        periodTo: null,
        facility: 'IVS Almaty',
        methods: ['beating'],
        consent: 'internal_only',
        evidenceCount: 0,
      },
    ],
    lawyers: [{ lawyerId: IDS.lawyerOnCase, role: 'lead' }],
    ...overrides,
  });
}

const USERS = [
  { id: IDS.lawyerOnCase, email: 'a@example.org', name: 'Aigerim Lawyer', role: 'lawyer', timeZone: 'Asia/Almaty' },
  { id: IDS.lawyerFree, email: 'b@example.org', name: 'Bolat Lawyer', role: 'lawyer', timeZone: 'Asia/Almaty' },
  { id: IDS.coordinator, email: 'c@example.org', name: 'Dana Coordinator', role: 'coordinator', timeZone: 'UTC' },
].map((user) => ({ ...user, disabled: false }));

export interface SentRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * The API as the forms meet it: the account list and the case search answer from fixed data (the list filtered by
 * role, as the API does), every write is recorded and answered 201, or by `answerWrite` when given.
 */
export function fakeApi(answerWrite: (request: SentRequest) => Response = () => json(201, WRITTEN)): {
  client: ApiClient;
  requests: SentRequest[];
  writes: () => SentRequest[];
} {
  const requests: SentRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    const sent = { method: request.method, url: new URL(request.url), headers: request.headers, body };
    requests.push(sent);
    if (sent.method === 'GET' && sent.url.pathname === '/v1/users') {
      const role = sent.url.searchParams.get('role');
      return json(200, { items: USERS.filter((user) => role === null || user.role === role) });
    }
    if (sent.method === 'GET' && sent.url.pathname === '/v1/cases') {
      const items = [fullCase(), fullCase({ caseId: IDS.otherCase, fullName: 'Arman Zholatov', city: 'Aktau' })];
      return json(200, { items, total: items.length, page: 1, pageSize: 10, totalIsEstimate: false });
    }
    return answerWrite(sent);
  };
  return {
    client: createApiClient(new ConsoleState(), fetchImpl as typeof fetch),
    requests,
    writes: () => requests.filter((r) => r.method === 'POST'),
  };
}

export const WRITTEN = { caseId: '6f1c1f0e-1111-4a4a-8a8a-000000000001', version: 5, position: 77 };
