import type { FetchJson, OfflineVault, RefreshOptions, RefreshReport } from './types';
import { storable } from './offline-fetch';

/** The largest page GET /v1/cases gives. */
const PAGE_SIZE = 100;
/** A caseload bigger than this is not read further (a lawyer's caseload is far smaller; this bounds a bad answer). */
const MAX_PAGES = 50;
/** Cases read at once (two reads each): a caseload of a hundred is read in seconds, not a minute. */
const PARALLEL_CASES = 3;
/** The users lists the forms and the board read (UserPicker, usePeople, the board's lawyer filter). */
const USERS_URLS = ['/v1/users', '/v1/users?role=lawyer'];

/** The caseload list as kept: every page in one answer, under the URL without page parameters. */
export function caseloadUrl(lawyerId: string): string {
  return `/v1/cases?lawyerId=${encodeURIComponent(lawyerId)}`;
}

function listLawyer(url: string): string | null {
  return new URL(url, 'http://offline.invalid').searchParams.get('lawyerId');
}

function caseIdsOf(page: unknown): { ids: string[]; items: unknown[]; total: number } {
  const record = typeof page === 'object' && page !== null ? (page as Record<string, unknown>) : {};
  const items = Array.isArray(record.items) ? (record.items as unknown[]) : [];
  const ids = items
    .map((item) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>).caseId : undefined))
    .filter((id): id is string => typeof id === 'string');
  return { ids, items, total: typeof record.total === 'number' ? record.total : 0 };
}

export async function refreshOfflineSet(
  fetchJson: FetchJson,
  vault: OfflineVault,
  ownUserId: string | null,
  options: RefreshOptions = {},
): Promise<RefreshReport> {
  const alsoKeep = options.alsoKeep ?? [];
  const now = options.now ?? (() => new Date());
  const failed: string[] = [];
  /** Reads and keeps one URL; the body, or undefined when the read or the keeping failed. */
  const keep = async (url: string): Promise<unknown> => {
    const path = new URL(url, 'http://offline.invalid').pathname;
    try {
      const body = await fetchJson(url);
      await vault.putAnswer(url, storable(path, body));
      return body;
    } catch {
      failed.push(path);
      return undefined;
    }
  };
  const [session] = await Promise.all([keep('/v1/auth/session'), ...USERS_URLS.map(keep)]);

  const caseIds = new Set<string>([...(await vault.pinned()), ...alsoKeep.filter((ref) => !ref.startsWith('local:'))]);
  let caseloadRead = ownUserId === null;
  if (ownUserId !== null) {
    const items: unknown[] = [];
    try {
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const read = caseIdsOf(await fetchJson(`${caseloadUrl(ownUserId)}&page=${page}&pageSize=${PAGE_SIZE}`));
        items.push(...read.items);
        for (const id of read.ids) caseIds.add(id);
        if (read.items.length < PAGE_SIZE || items.length >= read.total) break;
      }
      const whole = {
        items,
        total: items.length,
        page: 1,
        pageSize: Math.max(items.length, 1),
        totalIsEstimate: false,
      };
      await vault.putAnswer(caseloadUrl(ownUserId), whole);
      caseloadRead = true;
    } catch {
      failed.push('/v1/cases');
    }
  }

  let caseFailures = 0;
  const queue = [...caseIds];
  const worker = async (): Promise<void> => {
    for (let caseId = queue.shift(); caseId !== undefined; caseId = queue.shift()) {
      const read = await Promise.all([keep(`/v1/cases/${caseId}`), keep(`/v1/cases/${caseId}/timeline`)]);
      if (read.includes(undefined)) caseFailures += 1;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CASES }, worker));

  const setRead = caseloadRead && caseFailures === 0;
  // Only a complete read of the set says what is no longer in it (a case unassigned, unpinned).
  if (setRead) {
    await vault.retainAnswers((url) => {
      const caseRead = /^\/v1\/cases\/([^/?]+)/.exec(url);
      if (caseRead !== null) return caseIds.has(decodeURIComponent(caseRead[1] ?? ''));
      // A list of cases: only the person's own caseload (the board's pages of it too).
      if (url.startsWith('/v1/cases')) return ownUserId !== null && listLawyer(url) === ownUserId;
      return true;
    });
  }
  // The users lists may be refused (an auditor): the set is still fresh when the session and every case were read.
  if (session !== undefined && setRead) await vault.markRefreshed(now().toISOString());
  return { cases: caseIds.size, failed };
}
